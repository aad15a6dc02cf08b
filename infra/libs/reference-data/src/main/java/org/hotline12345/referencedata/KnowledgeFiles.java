package org.hotline12345.referencedata;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the city's optional knowledge files: {@code knowledge.jsonl} (one article a line) and {@code synonyms.txt}
 * (one group of words meaning the same a line, the official term first). Each problem names its file and line and
 * is added to the city's list, so that the folder is fixed in one pass with the other files.
 */
final class KnowledgeFiles {

    static final String KNOWLEDGE = "knowledge.jsonl";
    static final String SYNONYMS = "synonyms.txt";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String ID = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";

    /** What the two files hold; both empty when the city ships neither. */
    record Knowledge(List<KnowledgeArticle> articles, List<List<String>> synonyms) {
    }

    private final CityFiles files;
    private final List<String> problems;

    private KnowledgeFiles(CityFiles files, List<String> problems) {
        this.files = files;
        this.problems = problems;
    }

    static Knowledge read(CityFiles files, Set<String> categories, Set<String> units, Set<String> districts,
            List<String> problems) {
        KnowledgeFiles reader = new KnowledgeFiles(files, problems);
        List<KnowledgeArticle> articles = files.readIfPresent(KNOWLEDGE)
                .map(text -> reader.articles(text, categories, units, districts)).orElse(List.of());
        List<List<String>> synonyms = files.readIfPresent(SYNONYMS).map(reader::synonyms).orElse(List.of());
        return new Knowledge(articles, synonyms);
    }

    private List<KnowledgeArticle> articles(String text, Set<String> categories, Set<String> units,
            Set<String> districts) {
        List<KnowledgeArticle> articles = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String at = files.describe(KNOWLEDGE) + ":" + (i + 1);
            JsonNode article;
            try {
                article = MAPPER.readTree(line);
            } catch (JacksonException e) {
                problems.add(at + ": not valid JSON: " + e.getOriginalMessage());
                continue;
            }
            if (!article.isObject()) {
                problems.add(at + ": an article must be a JSON object");
                continue;
            }
            int before = problems.size();
            String id = required(article, "id", at);
            if (!id.isEmpty() && !id.matches(ID)) {
                problems.add(at + ": id " + id + " must be letters, digits, _ or - (at most 64)");
            }
            if (!id.isEmpty() && firstLine.putIfAbsent(id, i + 1) != null) {
                problems.add(at + ": id " + id + " appears twice (first on line " + firstLine.get(id) + ")");
            }
            String question = required(article, "question", at);
            String answer = required(article, "answer", at);
            String category = known(article, "category", categories, CityReader.CATEGORIES, at);
            String unit = known(article, "unit", units, CityReader.UNITS, at);
            List<String> phrasings = strings(article, "phrasings", at);
            List<String> districtCodes = strings(article, "districts", at);
            districtCodes.stream().filter(d -> !districts.contains(d)).forEach(d -> problems.add(at + ": district "
                    + d + " is not in " + CityReader.DISTRICTS));
            LocalDate validFrom = date(article, "validFrom", at, true);
            LocalDate validUntil = date(article, "validUntil", at, false);
            if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
                problems.add(at + ": validUntil " + validUntil + " is before validFrom " + validFrom);
            }
            if (problems.size() == before) {
                articles.add(new KnowledgeArticle(id, question, phrasings, answer, optional(article, "answerEn"),
                        category, unit, districtCodes, optional(article, "basis"), validFrom, validUntil));
            }
        }
        return articles;
    }

    private List<List<String>> synonyms(String text) {
        List<List<String>> groups = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> terms = new ArrayList<>();
            for (String term : line.split("[,，]")) {
                if (!term.isBlank() && !terms.contains(term.strip())) {
                    terms.add(term.strip());
                }
            }
            if (terms.size() < 2) {
                problems.add(files.describe(SYNONYMS) + ":" + (i + 1) + ": a group needs at least two words, "
                        + "comma-separated, the official term first");
                continue;
            }
            groups.add(List.copyOf(terms));
        }
        return groups;
    }

    private String required(JsonNode article, String field, String at) {
        JsonNode value = article.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            problems.add(at + ": " + field + " is missing or empty");
            return "";
        }
        return value.asString().strip();
    }

    private static String optional(JsonNode article, String field) {
        JsonNode value = article.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString().strip() : null;
    }

    private String known(JsonNode article, String field, Set<String> known, String file, String at) {
        String code = required(article, field, at);
        if (!code.isEmpty() && !known.contains(code)) {
            problems.add(at + ": " + field + " " + code + " is not in " + file);
        }
        return code;
    }

    private List<String> strings(JsonNode article, String field, String at) {
        JsonNode value = article.path(field);
        List<String> strings = new ArrayList<>();
        if (value.isMissingNode() || value.isNull()) {
            return strings;
        }
        if (!value.isArray()) {
            problems.add(at + ": " + field + " must be a list of strings");
            return strings;
        }
        for (JsonNode item : value) {
            if (!item.isString() || item.asString().isBlank()) {
                problems.add(at + ": " + field + " must hold non-empty strings only");
            } else {
                strings.add(item.asString().strip());
            }
        }
        return strings;
    }

    private LocalDate date(JsonNode article, String field, String at, boolean required) {
        JsonNode value = article.path(field);
        if (!required && (value.isMissingNode() || value.isNull())) {
            return null;
        }
        if (!value.isString()) {
            problems.add(at + ": " + field + " is missing or not a date such as 2026-01-31");
            return null;
        }
        try {
            return LocalDate.parse(value.asString());
        } catch (DateTimeParseException e) {
            problems.add(at + ": " + field + " " + value.asString() + " is not a date such as 2026-01-31");
            return null;
        }
    }
}
