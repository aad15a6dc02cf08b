package org.hotline12345.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Loads the JSON Schema of an event type from the classpath and validates JSON against it. */
final class SchemaCatalog {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private SchemaCatalog() {
    }

    static List<Error> validate(String eventType, String json) {
        return schemaOf(eventType).validate(json, InputFormat.JSON);
    }

    static Schema schemaOf(String eventType) {
        try (InputStream in = resource("schemas/" + eventType + ".schema.json")) {
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream resource(String path) {
        InputStream in = SchemaCatalog.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalArgumentException("no " + path + " on the classpath");
        }
        return in;
    }
}
