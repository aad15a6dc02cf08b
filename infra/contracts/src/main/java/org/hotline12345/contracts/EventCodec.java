package org.hotline12345.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes events as the JSON on the topics. Readers ignore fields they do not know, so a producer
 * may add optional fields without breaking older consumers.
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
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

    public static <T extends HotlineEvent> T read(byte[] json, Class<T> stream) {
        return MAPPER.readValue(json, stream);
    }

    public static <T extends HotlineEvent> T read(String json, Class<T> stream) {
        return MAPPER.readValue(json, stream);
    }
}
