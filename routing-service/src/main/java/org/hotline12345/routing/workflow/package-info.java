/**
 * The units' workflow (sign for, return, extend, record progress, resolve), supervisors' dispatch, the citizen's
 * feedback closing the loop, and the deadline sweeps that remind and escalate.
 */
package org.hotline12345.routing.workflow;
