/** Hot spots: the grids with the most tickets per category, and clusters of repeat and same-incident complaints. */
package org.hotline12345.analytics.hotspots;
