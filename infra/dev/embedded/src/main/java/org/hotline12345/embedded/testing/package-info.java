/**
 * What every service's integration tests share: one annotation that starts the service on the test infrastructure,
 * and the headless browser its page tests drive.
 */
package org.hotline12345.embedded.testing;
