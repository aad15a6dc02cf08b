/**
 * Rollups: the rates' counts per unit, grid, district, category, knowledge article and the whole city, and the
 * centre's decisions per unit they concern, for every day, ISO week and month of receipt, kept by adding what each
 * changed fact changes in them a few seconds after its events, and counted again from the facts for a whole period
 * when an administrator asks, so that rate and ranking queries read a few thousand small documents instead of
 * millions of facts.
 */
package org.hotline12345.analytics.rollups;
