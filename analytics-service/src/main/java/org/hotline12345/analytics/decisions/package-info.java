/**
 * The centre's decisions (退单审核, 延期审批) per unit and month of receipt: returns made, upheld and rejected,
 * requests for more time made, granted (as asked or shortened) and refused, the tickets that went round, and the time
 * from a return to the unit that resolved the ticket. Read from the rollups.
 */
package org.hotline12345.analytics.decisions;
