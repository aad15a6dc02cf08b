/** Keeps intake's view of each ticket current from routing's lifecycle events. */
package org.hotline12345.intake.tracking;
