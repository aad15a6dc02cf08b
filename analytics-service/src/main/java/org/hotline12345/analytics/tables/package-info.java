/** What every analytics question shares: its range of days, and its table as JSON or CSV. */
package org.hotline12345.analytics.tables;
