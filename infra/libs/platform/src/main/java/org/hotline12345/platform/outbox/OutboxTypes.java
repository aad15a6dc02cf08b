package org.hotline12345.platform.outbox;

import java.util.List;

/** The document types of a service that carry an outbox; a service declares one bean of this to get a sweep. */
public record OutboxTypes(List<Class<? extends OutboxDocument>> types) {

    @SafeVarargs
    public static OutboxTypes of(Class<? extends OutboxDocument>... types) {
        return new OutboxTypes(List.of(types));
    }
}
