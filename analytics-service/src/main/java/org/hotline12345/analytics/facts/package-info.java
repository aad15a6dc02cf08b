/**
 * One fact per ticket, updated by every event about it, a polled batch of events at a time: idempotent under
 * redelivery and correct whatever order the events arrive in. Facts hold no phone number or name.
 */
package org.hotline12345.analytics.facts;
