package org.hotline12345.intake.channels;

/**
 * A citizen following their ticket: its number and the token from the link in their texts
 * ({@code …/t/12345-20261128-0001.Xy3…}, the part after the dot). Not checked field by field: a malformed pair is
 * answered as a wrong one, so that no answer tells a well-formed guess from a ticket that exists.
 */
public record LookUpRequest(String ticketNumber, String token) {

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("12345-\\d{8}-\\d{4,6}");
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{16}");

    boolean wellFormed() {
        return ticketNumber != null && token != null && NUMBER.matcher(ticketNumber).matches()
                && TOKEN.matcher(token).matches();
    }
}
