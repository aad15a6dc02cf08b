/**
 * The supporting units' parts (协办) per unit and month of receipt: parts given, signed for on time, answered to
 * the lead (and on time) and waived by the centre (and of those, overdue). Read from the rollups. A supporting unit
 * is not the handling unit: the three rates count the ticket for its lead alone.
 */
package org.hotline12345.analytics.parts;
