/** Texting citizens exactly once per ticket and event, and the record of every text. */
package org.hotline12345.notification.delivery;
