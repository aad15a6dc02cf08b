package org.hotline12345.referencedata;

/**
 * One complaint of the labelled corpus.
 *
 * @param evaluation kept for measuring the classifier, never for training it
 * @param category the category code a supervisor gave it
 * @param text the complaint as the citizen said or typed it
 */
public record LabelledComplaint(boolean evaluation, String category, String text) {
}
