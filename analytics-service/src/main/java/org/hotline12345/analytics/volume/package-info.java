/** How many tickets came in, by hour of the day or by day, by category, against the period before. */
package org.hotline12345.analytics.volume;
