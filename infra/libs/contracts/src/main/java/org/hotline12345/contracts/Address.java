package org.hotline12345.contracts;

/**
 * Where the problem is, as the citizen said it. {@code district} and {@code street} are gazetteer codes when
 * intake could match them, else {@code null}.
 */
public record Address(String text, String district, String street) {
}
