/**
 * The centre's reviews: of units' returns (退单审核), the queue of returns that wait, each with the unit the rules
 * would send the ticket to next, and the supervisor's decision, upheld (on to another unit) or rejected (back to the
 * unit that returned it); and of units' requests for more time beyond the city's allowance (延期审批), approved (to
 * the date asked or a shorter one) or refused (the deadline stands).
 */
package org.hotline12345.routing.review;
