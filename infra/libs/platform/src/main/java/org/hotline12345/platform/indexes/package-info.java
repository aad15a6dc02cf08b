/**
 * Indexes as code: each service declares the indexes its queries need next to the documents they serve, and the
 * platform creates them before the service takes any work, and expires what MongoDB's TTL monitor would.
 */
package org.hotline12345.platform.indexes;
