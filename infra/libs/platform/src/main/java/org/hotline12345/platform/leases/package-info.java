/**
 * Work that one instance of a service at a time may do, under a lease taken by a conditional write: a named lease
 * for a whole task, or a lease on one document.
 */
package org.hotline12345.platform.leases;
