/** Keyed hashes every service computes the same way: webhook and request signatures, contact keys. */
package org.hotline12345.platform.crypto;
