package org.hotline12345.intake.open311;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an Open311 answer in the format its path asked for. Answers are maps and lists in the order the
 * specification lists the fields; in XML a list is an element named after it holding one element per item, named
 * by {@link #ITEM_NAMES} (the {@code services} list holds {@code service} elements, and so on).
 */
final class Open311Body {

    static final MediaType XML = MediaType.parseMediaType("text/xml;charset=UTF-8");
    static final MediaType JSON = MediaType.parseMediaType("application/json;charset=UTF-8");

    private static final Map<String, String> ITEM_NAMES = Map.of("services", "service",
            "service_requests", "request", "errors", "error", "attributes", "attribute", "values", "value",
            "endpoints", "endpoint", "formats", "format");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();

    private Open311Body() {
    }

    static boolean isXml(String format) {
        return "xml".equals(format);
    }

    /** {@code body} under the XML element {@code root}; in JSON the body alone. */
    static ResponseEntity<String> render(HttpStatus status, String format, String root, Object body) {
        if (isXml(format)) {
            return ResponseEntity.status(status).contentType(XML).body(xml(root, body));
        }
        return ResponseEntity.status(status).contentType(JSON).body(MAPPER.writeValueAsString(body));
    }

    private static String xml(String root, Object body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            element(xml, root, body);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the Open311 answer as XML", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        if (value == null) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        if (value instanceof Map<?, ?> fields) {
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                element(xml, String.valueOf(field.getKey()), field.getValue());
            }
        } else if (value instanceof List<?> items) {
            String item = ITEM_NAMES.getOrDefault(name, "item");
            for (Object each : items) {
                element(xml, item, each);
            }
        } else {
            xml.writeCharacters(String.valueOf(value));
        }
        xml.writeEndElement();
    }
}
