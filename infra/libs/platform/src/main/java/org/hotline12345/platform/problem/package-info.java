/** Errors as RFC 9457 problems: each bad field named, the current state on a forbidden transition. */
package org.hotline12345.platform.problem;
