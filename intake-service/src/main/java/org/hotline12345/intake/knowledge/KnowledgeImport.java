package org.hotline12345.intake.knowledge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bson.Document;
import org.hotline12345.platform.problem.FieldCodes;
import org.hotline12345.platform.problem.FieldError;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.hotline12345.platform.security.CurrentCaller;
import org.hotline12345.referencedata.City;
import org.hotline12345.referencedata.Unit;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports an existing knowledge base, a CSV file or JSON lines (the fields of a city's {@code knowledge.jsonl}),
 * for a knowledge editor. Every line is checked before anything is stored: one bad line refuses the whole file with
 * a problem naming each bad line and field, so that a file is never half imported.
 *
 * <p>The file's {@code id} is the article's stable key and becomes its id, as the city's own articles keep theirs:
 * importing the same file again finds every article stored already and stores nothing twice. An article already
 * stored is left as it is, even where the file says otherwise (those are listed): from its first import on, an
 * article changes only through its unit's drafts and an editor's publishing, which keep every version.
 *
 * <p>New articles are stored published, as their first version on the importing editor's word: the role that
 * imports is the one that publishes, the file is the centre's knowledge base as already used on the lines, and
 * leaving hundreds of articles in the review queue would keep them from the operators for days. Their validity
 * dates hold as for any article: one past its last day never shows.
 */
@Service
class KnowledgeImport {

    /** The most articles one file may hold. */
    static final int MOST_ARTICLES = 20_000;
    /** The most bad fields a refusal lists; the detail gives how many there are in all. */
    static final int MOST_ERRORS = 200;
    /** Separates the phrasings, and the district codes, within one CSV cell. */
    static final String LIST_SEPARATOR = "|";
    static final MediaType CSV = MediaType.parseMediaType("text/csv");
    /** JSON lines by any of their names; plain JSON too, which a file of one article is, as some clients send it. */
    static final List<MediaType> JSON_LINES = List.of(MediaType.APPLICATION_NDJSON,
            MediaType.parseMediaType("application/jsonl"), MediaType.parseMediaType("application/json-lines"),
            MediaType.APPLICATION_JSON);

    static final String ID = "id";
    static final String QUESTION = "question";
    static final String PHRASINGS = "phrasings";
    static final String ANSWER = "answer";
    static final String ANSWER_EN = "answerEn";
    static final String CATEGORY = "category";
    static final String UNIT = "unit";
    static final String DISTRICTS = "districts";
    static final String BASIS = "basis";
    static final String VALID_FROM = "validFrom";
    static final String VALID_UNTIL = "validUntil";
    static final List<String> FIELDS = List.of(ID, QUESTION, PHRASINGS, ANSWER, ANSWER_EN, CATEGORY, UNIT, DISTRICTS,
            BASIS, VALID_FROM, VALID_UNTIL);
    static final List<String> REQUIRED_COLUMNS = List.of(ID, QUESTION, ANSWER, CATEGORY, UNIT, VALID_FROM);
    /** The field a problem of a whole line (not JSON, not a row) names. */
    static final String WHOLE_LINE = "line";
    private static final String ARTICLE_ID = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CsvMapper CSV_MAPPER = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private final ReactiveMongoTemplate mongo;
    private final CurrentCaller caller;
    private final ArticleRules rules;
    private final Set<String> units;
    private final Clock clock;

    KnowledgeImport(ReactiveMongoTemplate mongo, CurrentCaller caller, City city, Clock clock) {
        this.mongo = mongo;
        this.caller = caller;
        this.rules = new ArticleRules(city);
        this.units = city.units().stream().map(Unit::id).collect(Collectors.toSet());
        this.clock = clock;
    }

    /** One bad field of one line of the file; {@code line} counts from 1, a CSV file's header being line 1. */
    record LineError(int line, String field, String code, String message) {
    }

    /**
     * What an import did.
     *
     * @param articles the articles the file holds
     * @param stored the articles stored now, published as their first version
     * @param alreadyStored the articles whose id was stored already, left as they are
     * @param differing of those, the ids whose published version says otherwise than the file (at most
     *     {@link #MOST_ERRORS}): their units change them through the workflow
     */
    record Result(int articles, int stored, int alreadyStored, List<String> differing) {
    }

    /** One line of the file read into an article's fields, before they are checked. */
    private record Line(int number, String id, String unit, ArticleRequest request) {
    }

    /** One line checked: the article it stores. */
    private record Checked(int line, String id, String unit, ArticleContent content) {
    }

    /** Checks the whole file, then stores its new articles in one bulk write per collection. */
    Mono<Result> importFile(MediaType type, byte[] bytes) {
        return Mono.fromCallable(() -> check(read(format(type), text(bytes))))
                .subscribeOn(Schedulers.boundedElastic())
                .zipWith(caller.subject())
                .flatMap(checkedAndBy -> store(checkedAndBy.getT1(), checkedAndBy.getT2()));
    }

    private enum Format { CSV, JSON_LINES }

    private static Format format(MediaType type) {
        if (type != null && type.isCompatibleWith(CSV)) {
            return Format.CSV;
        }
        if (type != null && JSON_LINES.stream().anyMatch(type::isCompatibleWith)) {
            return Format.JSON_LINES;
        }
        throw new UnsupportedMediaTypeStatusException(type, List.of(CSV, MediaType.APPLICATION_NDJSON));
    }

    /** The file as text: UTF-8 only (what a spreadsheet saves as "CSV UTF-8"), its byte order mark dropped. */
    private static String text(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ImportRefusedException(List.of(new LineError(1, WHOLE_LINE, FieldCodes.FORMAT,
                    "is not UTF-8 text: save the file as CSV UTF-8, or JSON lines in UTF-8")));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        // a line break within a cell or a value is kept as the one break the articles hold
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private List<Line> read(Format format, String text) {
        List<LineError> errors = new ArrayList<>();
        List<Line> lines = format == Format.CSV ? csv(text, errors) : jsonLines(text, errors);
        if (!errors.isEmpty()) {
            throw new ImportRefusedException(errors);
        }
        return lines;
    }

    // ---- CSV: a header naming the fields, then one article a row ----

    private static List<Line> csv(String text, List<LineError> errors) {
        List<Line> lines = new ArrayList<>();
        List<String> header = null;
        int rows = 0;
        int row = 0;
        List<String> cells = null;
        try (JsonParser parser = CSV_MAPPER.createParser(text)) {
            ((CsvParser) parser).setSchema(CsvSchema.emptySchema());
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_ARRAY) {
                    cells = new ArrayList<>();
                    row = 0;
                } else if (token == JsonToken.END_ARRAY) {
                    // the rows come wrapped in one array of the whole file, whose end is no row
                    List<String> read = cells;
                    cells = null;
                    if (read == null || read.stream().allMatch(String::isBlank)) {
                        // a spreadsheet's empty rows come as separators alone
                        continue;
                    }
                    if (header == null) {
                        header = header(read, row, errors);
                        if (header == null) {
                            return lines;
                        }
                    } else {
                        Line line = csvRow(header, read, row, errors);
                        if (line != null) {
                            lines.add(line);
                        }
                        if (tooMany(++rows, row, errors)) {
                            return lines;
                        }
                    }
                } else {
                    if (cells.isEmpty()) {
                        row = (int) parser.currentTokenLocation().getLineNr();
                    }
                    cells.add(parser.getText());
                }
            }
        } catch (JsonProcessingException e) {
            // a quote left open runs to the end of the file: named where its row starts
            int at = cells != null && row > 0 ? row
                    : e.getLocation() != null ? Math.max(1, (int) e.getLocation().getLineNr()) : 1;
            errors.add(new LineError(at, WHOLE_LINE, FieldCodes.FORMAT, "is not a CSV row: "
                    + e.getOriginalMessage()));
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (header == null) {
            errors.add(new LineError(1, WHOLE_LINE, FieldCodes.REQUIRED, "the file is empty: a header naming the "
                    + "columns comes first (" + String.join(",", FIELDS) + ")"));
        } else if (rows == 0) {
            errors.add(new LineError(1, WHOLE_LINE, FieldCodes.REQUIRED, "the file holds no article"));
        }
        return lines;
    }

    /** The header's columns, or null when it cannot be read by (every problem then named on its line). */
    private static List<String> header(List<String> cells, int line, List<LineError> errors) {
        List<String> columns = cells.stream().map(String::strip).toList();
        int before = errors.size();
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            if (!FIELDS.contains(column)) {
                errors.add(new LineError(line, column, FieldCodes.UNKNOWN_FIELD, "is not a column of an article: "
                        + "the columns are " + String.join(",", FIELDS)));
            } else if (!seen.add(column)) {
                errors.add(new LineError(line, column, FieldCodes.INVALID, "is a column twice"));
            }
        }
        REQUIRED_COLUMNS.stream().filter(column -> !columns.contains(column)).forEach(column -> errors.add(
                new LineError(line, column, FieldCodes.REQUIRED, "is a column every file has")));
        return errors.size() == before ? columns : null;
    }

    private static Line csvRow(List<String> header, List<String> cells, int line, List<LineError> errors) {
        if (cells.size() > header.size()) {
            errors.add(new LineError(line, WHOLE_LINE, FieldCodes.SIZE, "has " + cells.size() + " cells where the "
                    + "header names " + header.size() + " columns"));
            return null;
        }
        Map<String, String> text = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            text.put(header.get(i), cells.get(i));
        }
        Function<String, String> value = field -> {
            String cell = text.get(field);
            return cell == null || cell.isBlank() ? null : cell;
        };
        Function<String, List<String>> list = field -> {
            String cell = value.apply(field);
            if (cell == null) {
                return List.of();
            }
            List<String> items = new ArrayList<>();
            for (String item : cell.split(Pattern.quote(LIST_SEPARATOR))) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
            return items;
        };
        return line(line, value, list);
    }

    // ---- JSON lines: one article a line, as a city's knowledge.jsonl ----

    private static List<Line> jsonLines(String text, List<LineError> errors) {
        List<Line> lines = new ArrayList<>();
        int read = 0;
        String[] rows = text.split("\n", -1);
        for (int i = 0; i < rows.length; i++) {
            int number = i + 1;
            if (rows[i].isBlank()) {
                continue;
            }
            JsonNode article;
            try {
                article = JSON.readTree(rows[i]);
            } catch (JacksonException e) {
                errors.add(new LineError(number, WHOLE_LINE, FieldCodes.FORMAT, "is not JSON: "
                        + e.getOriginalMessage()));
                continue;
            }
            if (article == null || !article.isObject()) {
                errors.add(new LineError(number, WHOLE_LINE, FieldCodes.TYPE, "is not a JSON object"));
                continue;
            }
            int before = errors.size();
            article.propertyNames().forEach(field -> {
                if (!FIELDS.contains(field)) {
                    errors.add(new LineError(number, field, FieldCodes.UNKNOWN_FIELD, "is not a field of an "
                            + "article: the fields are " + String.join(", ", FIELDS)));
                }
            });
            Function<String, String> value = field -> {
                JsonNode node = article.path(field);
                if (node.isMissingNode() || node.isNull()) {
                    return null;
                }
                if (!node.isString()) {
                    errors.add(new LineError(number, field, FieldCodes.TYPE, "is not a string"));
                    return null;
                }
                return node.asString();
            };
            Function<String, List<String>> list = field -> {
                JsonNode node = article.path(field);
                List<String> items = new ArrayList<>();
                if (node.isMissingNode() || node.isNull()) {
                    return items;
                }
                if (!node.isArray()) {
                    errors.add(new LineError(number, field, FieldCodes.TYPE, "is not a list of strings"));
                    return items;
                }
                for (JsonNode item : node) {
                    if (!item.isString()) {
                        errors.add(new LineError(number, field, FieldCodes.TYPE, "holds something not a string"));
                        return List.of();
                    }
                    items.add(item.asString());
                }
                return items;
            };
            Line line = line(number, value, list);
            if (errors.size() == before) {
                lines.add(line);
            }
            if (tooMany(++read, number, errors)) {
                return lines;
            }
        }
        if (read == 0) {
            errors.add(new LineError(1, WHOLE_LINE, FieldCodes.REQUIRED, "the file holds no article"));
        }
        return lines;
    }

    private static Line line(int number, Function<String, String> value, Function<String, List<String>> list) {
        return new Line(number, value.apply(ID), value.apply(UNIT), new ArticleRequest(value.apply(QUESTION),
                list.apply(PHRASINGS), value.apply(ANSWER), value.apply(ANSWER_EN), value.apply(CATEGORY),
                list.apply(DISTRICTS), value.apply(BASIS), value.apply(VALID_FROM), value.apply(VALID_UNTIL), null));
    }

    private static boolean tooMany(int read, int line, List<LineError> errors) {
        if (read <= MOST_ARTICLES) {
            return false;
        }
        errors.add(new LineError(line, WHOLE_LINE, FieldCodes.SIZE, "is past the " + MOST_ARTICLES + " articles "
                + "one file may hold: split the file"));
        return true;
    }

    // ---- every line checked as a unit's draft is, before anything is stored ----

    private List<Checked> check(List<Line> lines) {
        List<LineError> errors = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (Line line : lines) {
            int before = errors.size();
            String id = line.id() == null ? null : line.id().strip();
            if (id == null || id.isEmpty()) {
                errors.add(new LineError(line.number(), ID, FieldCodes.REQUIRED, "is required: the article's "
                        + "stable key, kept as its id"));
            } else if (!id.matches(ARTICLE_ID)) {
                errors.add(new LineError(line.number(), ID, FieldCodes.FORMAT, "is not letters, digits, _ or - "
                        + "(at most 64, a letter or digit first)"));
            } else if (firstLine.putIfAbsent(id, line.number()) != null) {
                errors.add(new LineError(line.number(), ID, FieldCodes.INVALID, "is the id of line "
                        + firstLine.get(id) + " too"));
            }
            String unit = line.unit() == null ? null : line.unit().strip();
            if (unit == null || unit.isEmpty()) {
                errors.add(new LineError(line.number(), UNIT, FieldCodes.REQUIRED, "is required: the unit that "
                        + "owns the article"));
            } else if (!units.contains(unit)) {
                errors.add(new LineError(line.number(), UNIT, FieldCodes.UNKNOWN, "is not a unit of the city"));
            }
            ArticleContent content = null;
            try {
                content = rules.check(line.request());
            } catch (InvalidRequestException invalid) {
                for (FieldError error : invalid.errors()) {
                    errors.add(new LineError(line.number(), error.field(), error.code(), error.message()));
                }
            }
            if (errors.size() == before) {
                checked.add(new Checked(line.number(), id, unit, content));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRefusedException(errors);
        }
        return checked;
    }

    // ---- stored: the new articles published, in one bulk write per collection ----

    private Mono<Result> store(List<Checked> checked, String by) {
        Map<String, Checked> byId = new LinkedHashMap<>();
        checked.forEach(article -> byId.put(article.id(), article));
        Instant now = clock.instant();
        return mongo.find(Query.query(Criteria.where("_id").in(byId.keySet())), Article.class)
                .collectMap(Article::getId)
                .flatMap(stored -> {
                    List<Article> fresh = byId.values().stream().filter(article -> !stored.containsKey(article.id()))
                            .map(article -> Article.imported(article.id(), article.unit(), article.content(), by, now))
                            .toList();
                    List<String> differing = stored.values().stream()
                            .filter(article -> !article.getUnit().equals(byId.get(article.getId()).unit())
                                    || !byId.get(article.getId()).content().equals(article.getPublished()))
                            .map(Article::getId).sorted().limit(MOST_ERRORS).toList();
                    if (fresh.isEmpty()) {
                        return Mono.just(new Result(checked.size(), 0, stored.size(), differing));
                    }
                    // the versions first: an import cut off between the two writes leaves no live article without
                    // its history, and the next import of the file stores the articles over the versions it wrote
                    return insertMissing(ArticleVersion.COLLECTION, fresh.stream().map(article -> ArticleVersion.of(
                            article.getId(), 1, article.getUnit(), article.getPublished(), now, by)).toList(), false)
                            .then(insertMissing(Article.COLLECTION, fresh, true))
                            .map(inserted -> new Result(checked.size(), inserted.intValue(),
                                    checked.size() - inserted.intValue(), differing));
                });
    }

    /**
     * Inserts each document whose id the collection does not hold yet, in one unordered bulk write of upserts that
     * set their fields on insert alone: an import racing another of the same file stores each article once and
     * changes none stored meanwhile. Completes with how many were inserted.
     */
    private Mono<Long> insertMissing(String collection, List<?> entities, boolean versioned) {
        List<WriteModel<Document>> writes = new ArrayList<>(entities.size());
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        for (Object entity : entities) {
            Document document = new Document();
            mongo.getConverter().write(entity, document);
            Object id = document.remove("_id");
            if (versioned) {
                // what mongo.insert gives a new article: its first revision, which every later save names
                document.put("revision", 0L);
            }
            writes.add(new UpdateOneModel<>(Filters.eq("_id", id), new Document("$setOnInsert", document), upsert));
        }
        return mongo.getCollection(collection)
                .flatMap(store -> Mono.from(store.bulkWrite(writes, new BulkWriteOptions().ordered(false))))
                .map(result -> (long) result.getUpserts().size());
    }
}
