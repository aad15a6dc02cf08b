package org.hotline12345.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes events as the JSON on the topics. Readers ignore fields they do not know, and read an event
 * type they do not know as {@code null}, so a producer may add optional fields and new event types without breaking
 * older consumers.
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private EventCodec() {
    }

    public static byte[] write(HotlineEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static String writeString(HotlineEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    /** The event, or {@code null} when it is of a type this reader does not know. */
    public static <T extends HotlineEvent> T read(byte[] json, Class<T> stream) {
        return MAPPER.readValue(json, stream);
    }

    public static <T extends HotlineEvent> T read(String json, Class<T> stream) {
        return MAPPER.readValue(json, stream);
    }
}
