package org.hotline12345.contracts;

/** What a unit says it achieved when it resolves a ticket. */
public enum ResolutionResult {
    SOLVED,
    PARTLY_SOLVED,
    CANNOT_SOLVE
}
