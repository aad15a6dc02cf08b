package org.hotline12345.intake.open311;

import java.util.List;
import java.util.Map;

/**
 * The questions every service asks besides the standard fields, sent as {@code attribute[CODE]=key}: how urgent it
 * is, whether the citizen may be texted, in which language, and whether the request may be shown publicly.
 */
final class ServiceAttributes {

    static final String URGENCY = "URGENCY";
    static final String CONTACT_ALLOWED = "CONTACT_ALLOWED";
    static final String LANGUAGE = "LANGUAGE";
    static final String PUBLISH = "PUBLISH";

    /** Each attribute's keys and their names. */
    static final Map<String, Map<String, String>> VALUES = Map.of(
            URGENCY, Map.of("NORMAL", "Normal", "HIGH", "High: affects many people or gets worse quickly",
                    "URGENT", "Urgent: danger to life, health or property"),
            CONTACT_ALLOWED, Map.of("true", "Yes, text me about this request", "false", "No texts please"),
            LANGUAGE, Map.of("zh", "中文", "en", "English"),
            PUBLISH, Map.of("true", "Yes, show it publicly, without my contact details and with its place rounded",
                    "false", "No, only the hotline and I may see it"));

    private ServiceAttributes() {
    }

    static List<Map<String, Object>> definitions() {
        return List.of(
                attribute(1, URGENCY, "How urgent is it? Inferred from the description when not given.",
                        List.of("NORMAL", "HIGH", "URGENT")),
                attribute(2, CONTACT_ALLOWED, "May the hotline text the phone number given about this request?",
                        List.of("true", "false")),
                attribute(3, LANGUAGE, "The language of the texts.", List.of("zh", "en")),
                attribute(4, PUBLISH, "May this request be shown to anyone through this API? Not unless you say so.",
                        List.of("true", "false")));
    }

    private static Map<String, Object> attribute(int order, String code, String description, List<String> keys) {
        return Open311Controller.fields("variable", true, "code", code, "datatype", "singlevaluelist",
                "required", false, "datatype_description", null, "order", order, "description", description,
                "values", keys.stream().map(key -> Open311Controller.fields("key", key, "name",
                        VALUES.get(code).get(key))).toList());
    }
}
