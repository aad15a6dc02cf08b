/** Suggests a category from a complaint's own words, for operators while they type and for tickets filed without one. */
package org.hotline12345.intake.classify;
