package org.hotline12345.notification.texts;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The citizen texts per event type and language, with {@code {named}} placeholders. A placeholder without a value
 * is an error rather than a text with a hole in it.
 */
public final class TextTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
    /**
     * Placeholders filled with people's free text, which may be shortened to keep a text within its segments: a
     * unit's reply or reason, the answer an operator gave on the call.
     */
    private static final java.util.List<String> FREE_TEXT = java.util.List.of("reply", "reason", "answer");

    private final Map<String, Map<String, String>> byTrigger;

    public TextTemplates(Map<String, Map<String, String>> byTrigger) {
        this.byTrigger = Map.copyOf(byTrigger);
    }

    /** Whether the citizen is texted when this event happens. */
    public boolean textsOn(String trigger) {
        return byTrigger.containsKey(trigger);
    }

    /** The text for an event in the citizen's language, Chinese when there is none in theirs. */
    public Optional<Text> render(String trigger, String language, Map<String, String> values) {
        Map<String, String> languages = byTrigger.get(trigger);
        if (languages == null) {
            return Optional.empty();
        }
        String lang = languages.containsKey(language) ? language : "zh";
        Matcher matcher = PLACEHOLDER.matcher(languages.get(lang));
        StringBuilder out = new StringBuilder();
        Map<String, String> used = new java.util.TreeMap<>();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {" + matcher.group(1) + "} in " + trigger);
            }
            used.put(matcher.group(1), value);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        String body = out.toString();
        return Optional.of(new Text(trigger + "." + lang, lang, body, SmsSegments.count(body), used));
    }

    /**
     * The text within {@code maxSegments}: when free text ({@code reply}, {@code reason}, {@code answer}) makes it
     * too long, that text is shortened, with an ellipsis, until it fits.
     */
    public Optional<Text> fit(String trigger, String language, Map<String, String> values, int maxSegments) {
        Optional<Text> text = render(trigger, language, values);
        for (String free : FREE_TEXT) {
            String value = values.get(free);
            if (value == null) {
                continue;
            }
            Map<String, String> shortened = new java.util.HashMap<>(values);
            int keep = value.length();
            while (text.isPresent() && text.get().segments() > maxSegments && keep > 0) {
                keep = Math.max(0, keep - Math.max(1, keep / 8));
                shortened.put(free, value.substring(0, keep) + "…");
                text = render(trigger, language, shortened);
            }
            values = shortened;
        }
        return text;
    }

    /**
     * A rendered text.
     *
     * @param values the template's variables as filled in, for providers that send a template and its variables
     */
    public record Text(String templateId, String language, String body, int segments, Map<String, String> values) {
    }
}
