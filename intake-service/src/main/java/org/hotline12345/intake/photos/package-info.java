/**
 * Photos of tickets: what the caller sent, and the handling unit's before and after photos, kept in GridFS without
 * their location and camera data, each with a thumbnail, for those who may read the ticket and, for the caller's
 * own and the after photos, the citizen who follows it.
 */
package org.hotline12345.intake.photos;
