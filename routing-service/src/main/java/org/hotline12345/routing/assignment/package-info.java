/** Dispatching tickets to units by the rules and the grid, and the units' and supervisors' view of them. */
package org.hotline12345.routing.assignment;
