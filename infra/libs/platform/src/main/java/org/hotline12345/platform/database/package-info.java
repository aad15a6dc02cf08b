/** How long the service lets one database operation take. */
package org.hotline12345.platform.database;
