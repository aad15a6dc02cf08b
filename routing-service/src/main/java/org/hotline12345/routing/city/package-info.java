/** The city as routing reads it from the reference data: units and grids, and their read API. */
package org.hotline12345.routing.city;
