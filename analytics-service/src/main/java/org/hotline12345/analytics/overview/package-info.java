/** Today's numbers, or a period's: how many tickets came in and how far they got. */
package org.hotline12345.analytics.overview;
