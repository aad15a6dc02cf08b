/**
 * The public channels: the city website's complaint form, grid workers' reports, and the citizen's look-up of their
 * ticket with the token of the link in their texts.
 */
package org.hotline12345.intake.channels;
