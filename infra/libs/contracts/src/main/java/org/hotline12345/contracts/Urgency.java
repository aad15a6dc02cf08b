package org.hotline12345.contracts;

/** How soon the citizen's problem hurts if nobody acts: drives the priority routing gives. */
public enum Urgency {
    NORMAL,
    HIGH,
    URGENT
}
