/** The city's reference data, read once per service and given to whatever needs it. */
package org.hotline12345.platform.city;
