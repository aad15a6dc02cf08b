/** Publishing events with CloudEvents headers and the producer bounds, and reading them at the consumer edge. */
package org.hotline12345.platform.messaging;
