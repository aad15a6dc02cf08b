/** Time limits per priority: when a unit must sign for a ticket and when it must resolve it. */
package org.hotline12345.routing.deadlines;
