/** The city's grids: which grid a point lies in, by a spatial index over the grid polygons. */
package org.hotline12345.routing.grids;
