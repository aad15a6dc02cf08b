/**
 * The embedded outbox: a document carries the events its last state change produced, written in the same single
 * document update; the relay publishes them, then clears them, and a sweep re-publishes what a crash left behind.
 */
package org.hotline12345.platform.outbox;
