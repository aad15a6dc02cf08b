package org.hotline12345.referencedata;

import org.hotline12345.contracts.Priority;

/**
 * A category of the taxonomy, with its labels and the priority a ticket of it gets by default ({@code NORMAL} where
 * the city's folder gives none).
 */
public record Category(String code, String zh, String en, Priority defaultPriority) {
}
