/** Writes to the database that more than one of notification's packages make alike. */
package org.hotline12345.notification.store;
