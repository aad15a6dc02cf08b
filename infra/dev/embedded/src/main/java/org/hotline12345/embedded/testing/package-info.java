/** What every service's integration tests share: one annotation that starts the service on the test infrastructure. */
package org.hotline12345.embedded.testing;
