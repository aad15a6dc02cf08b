/** The SMS gateway port and its adapters; the dev outbox records texts instead of sending them. */
package org.hotline12345.notification.gateway;
