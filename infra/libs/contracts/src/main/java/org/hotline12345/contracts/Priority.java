package org.hotline12345.contracts;

/** The priority of an assignment; each has its own accept and resolve time limits. */
public enum Priority {
    URGENT,
    HIGH,
    NORMAL,
    CONSULTATION
}
