package org.hotline12345.intake.channels;

/**
 * A citizen following their ticket: its number and the token from the link in their texts
 * ({@code …/t/12345-20261128-0001.Xy3…}, the part after the dot). Not checked field by field: a malformed pair is
 * answered as a wrong one, so that no answer tells a well-formed guess from a ticket that exists.
 */
public record LookUpRequest(String ticketNumber, String token) {
}
