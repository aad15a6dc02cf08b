/** The records this service's consumers gave up on: listed with their errors, and replayed to their topics. */
package org.hotline12345.platform.deadletters;
