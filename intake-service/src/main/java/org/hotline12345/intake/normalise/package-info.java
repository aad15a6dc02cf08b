/** Plain-Java normalisation of what callers say: phone numbers, free text. */
package org.hotline12345.intake.normalise;
