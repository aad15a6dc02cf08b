package org.hotline12345.intake.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.intake.tickets.CallRequest;
import org.hotline12345.intake.tickets.TicketReceipt;
import org.hotline12345.intake.tickets.TicketRegistration;
import org.hotline12345.platform.problem.FieldError;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

/**
 * Turns an Open311 form into a ticket of the OPEN311 channel. Without a phone number the citizen is anonymous to
 * the hotline: nobody can text them, but the client can follow the request by its id or token. The e-mail
 * address, device and account ids and media URL are accepted as the specification allows and not kept.
 */
@Component
class Submissions {

    private static final Set<String> STANDARD_FIELDS = Set.of("api_key", "jurisdiction_id", "service_code", "lat",
            "long", "address_string", "address_id", "email", "device_id", "account_id", "first_name", "last_name",
            "phone", "description", "media_url");
    /** Registration's names for what Open311 calls otherwise. */
    private static final Map<String, String> OPEN311_NAMES = Map.of("callerPhone", "phone",
            "callerName", "first_name", "category", "service_code", "location", "lat",
            "location.lat", "lat", "location.lon", "long", "address", "address_string");

    private final TicketRegistration registration;

    Submissions(TicketRegistration registration) {
        this.registration = registration;
    }

    Mono<TicketReceipt> submit(MultiValueMap<String, String> form, String idempotencyKey) {
        return Mono.defer(() -> {
            Map<String, String> errors = new LinkedHashMap<>();
            form.keySet().stream().filter(name -> !STANDARD_FIELDS.contains(name) && !isAttribute(name))
                    .forEach(name -> errors.put(name, "is not a field of a GeoReport v2 request"));
            Map<String, String> attributes = attributes(form, errors);
            CallRequest call = call(form, attributes, errors);
            if (form.getFirst("service_code") == null || form.getFirst("service_code").isBlank()) {
                errors.put("service_code", "is required");
            }
            Map<String, FieldError> violations = new LinkedHashMap<>(registration.validate(call));
            errors.forEach((field, message) -> violations.put(field, new FieldError(field, message)));
            return registration.register(call, violations, idempotencyKey, Channel.OPEN311, null,
                    "true".equals(attributes.get(ServiceAttributes.PUBLISH)));
        }).onErrorMap(InvalidRequestException.class, e -> new InvalidRequestException(e.fieldErrors().entrySet()
                .stream().collect(Collectors.toMap(f -> OPEN311_NAMES.getOrDefault(f.getKey(), f.getKey()),
                        Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new))));
    }

    private static CallRequest call(MultiValueMap<String, String> form, Map<String, String> attributes,
            Map<String, String> errors) {
        String phone = blankToNull(form.getFirst("phone"));
        String name = blankToNull(Stream.of(form.getFirst("last_name"), form.getFirst("first_name"))
                .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(" ")));
        CallRequest.Location location = location(form, errors);
        Urgency urgency = attributes.containsKey(ServiceAttributes.URGENCY)
                ? Urgency.valueOf(attributes.get(ServiceAttributes.URGENCY)) : null;
        Boolean contactAllowed = attributes.containsKey(ServiceAttributes.CONTACT_ALLOWED)
                ? Boolean.valueOf(attributes.get(ServiceAttributes.CONTACT_ALLOWED)) : null;
        return new CallRequest(phone, phone == null ? null : name, phone == null, form.getFirst("description"),
                blankToNull(form.getFirst("address_string")), location, blankToNull(form.getFirst("service_code")),
                urgency, contactAllowed, attributes.get(ServiceAttributes.LANGUAGE), false, null);
    }

    private static CallRequest.Location location(MultiValueMap<String, String> form, Map<String, String> errors) {
        String lat = blankToNull(form.getFirst("lat"));
        String lon = blankToNull(form.getFirst("long"));
        if (lat == null && lon == null) {
            return null;
        }
        if (lat == null || lon == null) {
            errors.put(lat == null ? "lat" : "long", "is required with " + (lat == null ? "long" : "lat"));
            return null;
        }
        try {
            return new CallRequest.Location(Double.valueOf(lat), Double.valueOf(lon));
        } catch (NumberFormatException e) {
            errors.put("lat", "lat and long must be decimal degrees");
            return null;
        }
    }

    private static Map<String, String> attributes(MultiValueMap<String, String> form, Map<String, String> errors) {
        Map<String, String> attributes = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (!isAttribute(name)) {
                return;
            }
            String code = name.substring("attribute[".length(), name.length() - 1);
            String value = values.isEmpty() ? null : values.get(0);
            Map<String, String> allowed = ServiceAttributes.VALUES.get(code);
            if (allowed == null) {
                errors.put(name, "is not an attribute of this service");
            } else if (value == null || !allowed.containsKey(value)) {
                errors.put(name, "must be one of " + String.join(", ", allowed.keySet().stream().sorted().toList()));
            } else {
                attributes.put(code, value);
            }
        });
        return attributes;
    }

    private static boolean isAttribute(String name) {
        return name.startsWith("attribute[") && name.endsWith("]");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A short stable stand-in for a key, so that keys themselves are never stored in the rate counters. */
    static String fingerprint(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
