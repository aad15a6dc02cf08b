/** The sample city as typed records, read from the JSON and GeoJSON files this module ships. */
package org.hotline12345.referencedata;
