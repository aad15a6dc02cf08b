/**
 * Fails an integration test whose service sent MongoDB a query that no index serves: every command the driver
 * sends is recorded, and after each test class the filters are checked against {@code _id} and the indexes the
 * service created.
 */
package org.hotline12345.embedded.indexaudit;
