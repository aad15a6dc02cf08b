/** The public channels: the city website's complaint form, grid workers' reports, and the status look-up. */
package org.hotline12345.intake.channels;
