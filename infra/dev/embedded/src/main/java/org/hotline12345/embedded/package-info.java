/**
 * Real infrastructure inside the JVM, for the dev stack and the integration tests: an Apache Kafka broker in
 * KRaft mode, a MongoDB wire-protocol server, and a local key pair that signs demo tokens.
 */
package org.hotline12345.embedded;
