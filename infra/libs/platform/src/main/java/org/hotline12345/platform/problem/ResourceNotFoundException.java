package org.hotline12345.platform.problem;

import java.util.Locale;

/**
 * The caller asked for something that does not exist, or that it may not know exists: answered 404 naming the kind
 * of thing ({@code resource}) but not its id, since pages show the problem to people.
 */
public class ResourceNotFoundException extends RuntimeException {

    private final String resource;

    /** {@code resource} is the kind, e.g. {@code Ticket}; {@code id} is kept for the logs, not the answer. */
    public ResourceNotFoundException(String resource, String id) {
        super(resource + " " + id + " was not found.");
        this.resource = resource;
    }

    /** The kind of thing not found, e.g. {@code Ticket}. */
    public String resource() {
        return resource;
    }

    /** What the caller is told: {@code The ticket was not found.} */
    public String detail() {
        return "The " + resource.toLowerCase(Locale.ROOT) + " was not found.";
    }
}
