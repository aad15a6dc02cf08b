/** Notification: texts that reach each citizen exactly once, and the replies that close the loop. */
package org.hotline12345.notification;
