/**
 * Time limits by urgency class, or by priority where a category has none: when a unit must sign for a ticket, when
 * it must resolve it, and how long before either it counts as about to breach.
 */
package org.hotline12345.routing.deadlines;
