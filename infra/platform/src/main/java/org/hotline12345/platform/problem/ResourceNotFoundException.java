package org.hotline12345.platform.problem;

/** The caller asked for something that does not exist, or that it may not know exists: answered 404. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String kind, String id) {
        super(kind + " " + id + " was not found.");
    }
}
