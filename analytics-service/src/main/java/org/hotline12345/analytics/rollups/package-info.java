/**
 * Rollups: the rates' counts per unit, grid, district, category and the whole city for every day, ISO week and
 * month of receipt, counted again from the facts whenever a day's facts change, and for a whole period when an
 * administrator asks, so that rate and ranking queries read a few thousand small documents instead of millions of
 * facts.
 */
package org.hotline12345.analytics.rollups;
