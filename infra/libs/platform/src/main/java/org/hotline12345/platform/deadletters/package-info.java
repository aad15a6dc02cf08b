/**
 * The records this service's consumers gave up on: listed with their errors, and replayed through the service's own
 * retry topics.
 */
package org.hotline12345.platform.deadletters;
