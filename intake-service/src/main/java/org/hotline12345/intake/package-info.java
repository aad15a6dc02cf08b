/** Intake: every channel normalised into one clean, privacy-safe TicketReceived. */
package org.hotline12345.intake;
