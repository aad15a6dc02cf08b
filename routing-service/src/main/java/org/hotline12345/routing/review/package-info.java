/**
 * The centre's review of units' returns (退单审核): the queue of returns that wait, each with the unit the rules
 * would send the ticket to next, and the supervisor's decision, upheld (on to another unit) or rejected (back to the
 * unit that returned it).
 */
package org.hotline12345.routing.review;
