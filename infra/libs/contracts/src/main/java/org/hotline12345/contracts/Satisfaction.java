package org.hotline12345.contracts;

/** The citizen's satisfaction answer; the first two count as satisfied in the satisfaction rate. */
public enum Satisfaction {
    SATISFIED,
    BASICALLY_SATISFIED,
    DISSATISFIED
}
