/** Routing: who handles each ticket, and holding every unit to its time limits. */
package org.hotline12345.routing;
