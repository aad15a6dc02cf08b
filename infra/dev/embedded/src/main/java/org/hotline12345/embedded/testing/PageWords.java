package org.hotline12345.embedded.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The pages' words, checked without a browser: the two dictionaries (/hub/words/zh.json and en.json) say the same keys
 * with the same placeholders, a page's HTML holds only keys (no label written in it), and every key a page or its
 * script names literally is in the dictionary sections the page reads, in both languages. A word missing here would
 * show as its key on the page.
 */
public final class PageWords {

    private static final String DICTIONARY = "META-INF/resources/hub/words/%s.json";
    private static final List<String> LANGUAGES = List.of("zh", "en");
    private static final Pattern SECTIONS = Pattern.compile("<html[^>]*\\bdata-words=\"([^\"]*)\"");
    private static final Pattern KEYED = Pattern.compile(
            "<([a-z0-9]+)\\b[^>]*\\bdata-i18n(?:-placeholder)?=\"([^\"]+)\"[^>]*>([^<]*)");
    private static final Pattern LITERAL_KEY = Pattern.compile(
            "(?:\\bt|\\bsay|Hub\\.t)\\('([A-Za-z][\\w.-]*)'\\s*[,)]|\\bkey: '([A-Za-z][\\w.-]*)'");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final Map<String, JsonNode> dictionaries = new TreeMap<>();

    private PageWords() {
        for (String language : LANGUAGES) {
            String name = DICTIONARY.formatted(language);
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
                assertThat(in).as("the dictionary %s on the class path", name).isNotNull();
                dictionaries.put(language, new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The dictionaries as the pages read them from the class path. */
    public static PageWords dictionaries() {
        return new PageWords();
    }

    /** Both languages have every section and key the other has, none blank, with the same placeholders. */
    public PageWords sayTheSameInBothLanguages() {
        JsonNode zh = dictionaries.get("zh");
        JsonNode en = dictionaries.get("en");
        assertThat(names(en)).as("the sections of the English dictionary").isEqualTo(names(zh));
        List<String> differences = new ArrayList<>();
        for (String section : names(zh)) {
            Set<String> keys = new TreeSet<>(names(zh.get(section)));
            keys.addAll(names(en.get(section)));
            for (String key : keys) {
                JsonNode chinese = zh.get(section).get(key);
                JsonNode english = en.get(section).get(key);
                if (chinese == null || english == null || chinese.asText().isBlank() || english.asText().isBlank()) {
                    differences.add(section + "." + key + " is missing or blank in a language");
                } else if (!placeholders(chinese.asText()).equals(placeholders(english.asText()))) {
                    differences.add(section + "." + key + " has other placeholders in each language");
                }
            }
        }
        assertThat(differences).as("keys the two dictionaries do not say alike").isEmpty();
        return this;
    }

    /**
     * Every HTML page under {@code pages} names dictionary sections that exist, writes no label of its own into an
     * element that takes its text from the dictionary, and every key it or its scripts name literally is found in
     * the sections of the pages in that folder, in both languages.
     */
    public PageWords coverThePagesUnder(Path pages) {
        List<String> problems = new ArrayList<>();
        Set<String> sections = new LinkedHashSet<>();
        for (Path html : files(pages, ".html")) {
            String text = read(html);
            Matcher named = SECTIONS.matcher(text);
            if (!named.find()) {
                problems.add(pages.relativize(html) + " names no dictionary sections (<html data-words>)");
                continue;
            }
            List<String> own = List.of(named.group(1).trim().split("\\s+"));
            own.stream().filter(section -> !dictionaries.get("zh").has(section))
                    .forEach(section -> problems.add(pages.relativize(html) + " names no section " + section));
            sections.addAll(own);
            Matcher keyed = KEYED.matcher(text);
            while (keyed.find()) {
                if (!keyed.group(3).isBlank()) {
                    problems.add(pages.relativize(html) + " writes a label into <" + keyed.group(1) + " data-i18n=\""
                            + keyed.group(2) + "\">: it belongs in the dictionary");
                }
                missing(keyed.group(2), own).forEach(gap -> problems.add(pages.relativize(html) + ": " + gap));
            }
        }
        for (Path script : files(pages, ".js")) {
            Matcher literal = LITERAL_KEY.matcher(read(script));
            while (literal.find()) {
                String key = literal.group(1) != null ? literal.group(1) : literal.group(2);
                missing(key, List.copyOf(sections)).forEach(gap -> problems.add(pages.relativize(script) + ": " + gap));
            }
        }
        assertThat(problems).as("words the pages under %s would show as keys, or write twice", pages).isEmpty();
        return this;
    }

    private List<String> missing(String key, List<String> sections) {
        List<String> gaps = new ArrayList<>();
        for (String language : LANGUAGES) {
            JsonNode dictionary = dictionaries.get(language);
            boolean found = Stream.concat(sections.stream(), Stream.of("hub"))
                    .anyMatch(section -> dictionary.has(section) && dictionary.get(section).has(key));
            if (!found) {
                gaps.add("no word for '" + key + "' in " + language + " (sections " + sections + " and hub)");
            }
        }
        return gaps;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            // English may open a sentence with {Resource} where Chinese says {resource}: the same value
            names.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private static List<Path> files(Path folder, String ending) {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(path -> path.toString().endsWith(ending)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
