/** Work that one instance of a service at a time may do, under a lease taken by a conditional write. */
package org.hotline12345.platform.leases;
