/**
 * The embedded default: one command starts a real Kafka broker, a MongoDB wire server and the four services on
 * loopback, and hands out demo tokens.
 */
package org.hotline12345.devstack;
