/** Declarative, versioned routing rules: tried in order, the first that matches names the lead unit. */
package org.hotline12345.routing.rules;
