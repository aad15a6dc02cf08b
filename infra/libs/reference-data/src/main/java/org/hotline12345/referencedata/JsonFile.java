package org.hotline12345.referencedata;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON file of the city read as a tree, remembering the line every value starts on, so that a problem found in
 * its content (not only in its syntax) names the line a person has to fix.
 */
final class JsonFile {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final String name;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private JsonFile(String name, JsonNode root, Map<String, Integer> lines) {
        this.name = name;
        this.root = root;
        this.lines = lines;
    }

    /** Reads the file; a syntax error fails with its line and column. */
    static JsonFile parse(String name, String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = MAPPER.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY
                        && token != JsonToken.PROPERTY_NAME) {
                    lines.putIfAbsent(parser.streamReadContext().pathAsPointer().toString(),
                            parser.currentTokenLocation().getLineNr());
                }
            }
            return new JsonFile(name, MAPPER.readTree(text), lines);
        } catch (JacksonException e) {
            throw new CityDataException(name + (e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr()
                    + ":" + e.getLocation().getColumnNr()) + ": not valid JSON: " + e.getOriginalMessage());
        }
    }

    JsonNode root() {
        return root;
    }

    /** {@code file:line} of the value at {@code pointer} (e.g. {@code /features/3/properties/street}). */
    String at(String pointer) {
        String path = pointer;
        // a value that is missing is reported at the object that should have held it
        while (!lines.containsKey(path) && path.contains("/")) {
            path = path.substring(0, path.lastIndexOf('/'));
        }
        return name + ":" + lines.getOrDefault(path, 1);
    }
}
