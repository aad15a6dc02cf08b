/**
 * One fact per ticket, updated by every event about it: idempotent under redelivery and correct whatever order the
 * events arrive in. Facts hold no phone number or name.
 */
package org.hotline12345.analytics.facts;
