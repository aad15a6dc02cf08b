/** What the services' tests let pass on event-loop threads when BlockHound watches them. */
package org.hotline12345.embedded.blocking;
