/** Time limits: on-time acceptance and resolution, overdue now, handling times, returns, repeats, first-contact resolution. */
package org.hotline12345.analytics.deadlines;
