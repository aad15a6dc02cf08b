/**
 * Calling a citizen back: the unit holding a ticket asks for its caller's number, which is opened from its seal only
 * then, and every such reveal is recorded for the supervisors.
 */
package org.hotline12345.routing.caller;
