/** The three rates (三率), the composite score and the monthly ranking of units. */
package org.hotline12345.analytics.rates;
