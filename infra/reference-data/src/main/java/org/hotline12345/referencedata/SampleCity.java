package org.hotline12345.referencedata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample city read from the classpath: its time zone, categories, districts, units, grids, rules and text
 * templates. A service holds one, read at start ({@code platform}'s reference-data configuration), and is given it.
 */
public final class SampleCity {

    private static final String ROOT = "reference-data/";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** The city's time zone: the local day of a ticket number or a count, the hours of rules and quiet hours. */
    public static final ZoneId ZONE = ZoneId.of(readTree("city.json").get("zone").asString());

    private final List<Category> categories;
    private final List<District> districts;
    private final List<Unit> units;
    private final List<Grid> grids;
    private final GridIndex gridIndex;

    private SampleCity(List<Category> categories, List<District> districts, List<Unit> units, List<Grid> grids) {
        this.categories = categories;
        this.districts = districts;
        this.units = units;
        this.grids = grids;
        this.gridIndex = GridIndex.of(grids);
    }

    public static SampleCity load() {
        return new SampleCity(
                read("categories.json", new TypeReference<List<Category>>() { }),
                read("districts.json", new TypeReference<List<District>>() { }),
                read("units.json", new TypeReference<List<Unit>>() { }),
                grids(readTree("grids.geojson")));
    }

    public ZoneId zone() {
        return ZONE;
    }

    public List<Category> categories() {
        return categories;
    }

    public List<District> districts() {
        return districts;
    }

    public List<Unit> units() {
        return units;
    }

    public List<Grid> grids() {
        return grids;
    }

    /** The grids, indexed to find the one a point lies in. */
    public GridIndex gridIndex() {
        return gridIndex;
    }

    public Optional<Category> category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public Optional<Unit> unit(String id) {
        return units.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    /** The routing rule set this city starts with, as JSON. */
    public static String firstRuleSet() {
        return text("rules.json");
    }

    /** Text templates: event type, then language, then the template with {@code {named}} placeholders. */
    public static Map<String, Map<String, String>> smsTemplates() {
        return read("sms-templates.json", new TypeReference<Map<String, Map<String, String>>>() { });
    }

    /** Words and phrases that mark each category, by category code. */
    public static Map<String, List<String>> categoryVocabulary() {
        Map<String, List<String>> vocabulary = new java.util.TreeMap<>(read("category-vocabulary.json",
                new TypeReference<Map<String, Object>>() { }).entrySet().stream()
                .filter(e -> !e.getKey().startsWith("_"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> ((List<?>) e.getValue()).stream().map(String::valueOf).toList())));
        return java.util.Collections.unmodifiableMap(vocabulary);
    }

    /** The labelled complaint corpus, training and evaluation parts together, in file order. */
    public static List<LabelledComplaint> complaintCorpus() {
        List<LabelledComplaint> corpus = new ArrayList<>();
        for (String line : text("complaints-corpus.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", 3);
            if (fields.length != 3 || !(fields[0].equals("train") || fields[0].equals("eval"))) {
                throw new IllegalStateException("Corpus line is not split<TAB>category<TAB>text: " + line);
            }
            corpus.add(new LabelledComplaint(fields[0].equals("eval"), fields[1], fields[2].strip()));
        }
        return List.copyOf(corpus);
    }

    private static List<Grid> grids(JsonNode collection) {
        List<Grid> grids = new ArrayList<>();
        for (JsonNode feature : collection.get("features")) {
            JsonNode p = feature.get("properties");
            List<double[]> ring = new ArrayList<>();
            for (JsonNode point : feature.get("geometry").get("coordinates").get(0)) {
                ring.add(new double[] {point.get(0).asDouble(), point.get(1).asDouble()});
            }
            grids.add(new Grid(p.get("gridId").asString(), p.get("name").asString(), p.get("district").asString(),
                    p.get("street").asString(), p.get("streetOffice").asString(), List.copyOf(ring)));
        }
        return List.copyOf(grids);
    }

    private static <T> T read(String file, TypeReference<T> type) {
        try (InputStream in = open(file)) {
            return MAPPER.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readTree(String file) {
        try (InputStream in = open(file)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String file) {
        try (InputStream in = open(file)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String file) {
        InputStream in = SampleCity.class.getClassLoader().getResourceAsStream(ROOT + file);
        if (in == null) {
            throw new IllegalStateException("the reference data file " + ROOT + file + " is missing");
        }
        return in;
    }
}
