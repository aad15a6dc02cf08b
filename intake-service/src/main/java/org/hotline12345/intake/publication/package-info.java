/** What of a ticket may be shown to anyone: the hub's publication policy, plain Java. */
package org.hotline12345.intake.publication;
