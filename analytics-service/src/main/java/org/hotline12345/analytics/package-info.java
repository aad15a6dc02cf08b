/** Analytics: one fact per ticket, kept from every topic, and the numbers analysts read. */
package org.hotline12345.analytics;
