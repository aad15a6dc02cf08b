/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): the categories as services, requests submitted by
 * keyed clients as tickets of the OPEN311 channel, and every ticket's real state read back, in JSON or XML.
 */
package org.hotline12345.intake.open311;
