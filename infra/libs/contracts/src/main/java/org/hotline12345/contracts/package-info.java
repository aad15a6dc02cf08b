/**
 * The event contract of the hub: what each service publishes, on which topic, in which shape.
 */
package org.hotline12345.contracts;
