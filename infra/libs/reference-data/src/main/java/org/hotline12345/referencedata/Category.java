package org.hotline12345.referencedata;

/** A category of the taxonomy, with its labels and the priority a ticket of it gets by default. */
public record Category(String code, String zh, String en, String defaultPriority) {
}
