package org.hotline12345.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The wire name of every event type, declared once: in the {@link JsonSubTypes} of its stream. It is the JSON
 * {@code type} and the CloudEvents type, so renaming a record never changes the contract.
 */
public final class EventTypes {

    private static final Map<Class<?>, String> NAMES = Stream.of(IntakeEvent.class, TicketLifecycleEvent.class,
                    NotificationEvent.class, FeedbackEvent.class)
            .flatMap(stream -> Arrays.stream(stream.getAnnotation(JsonSubTypes.class).value()))
            .collect(Collectors.toUnmodifiableMap(JsonSubTypes.Type::value, JsonSubTypes.Type::name));

    private EventTypes() {
    }

    /** The declared wire name of an event class. */
    public static String nameOf(Class<? extends HotlineEvent> type) {
        String name = NAMES.get(type);
        if (name == null) {
            throw new IllegalStateException(type.getName() + " is not declared in its stream's @JsonSubTypes");
        }
        return name;
    }

    /** Every declared wire name, by its event class. */
    public static Map<Class<?>, String> all() {
        return NAMES;
    }
}
