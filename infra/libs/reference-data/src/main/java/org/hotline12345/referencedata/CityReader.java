package org.hotline12345.referencedata;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline12345.contracts.Priority;
import tools.jackson.databind.JsonNode;

/**
 * Reads a city's files and checks them as a whole: each file's own shape, and that what one file names another
 * defines (a grid's street office is a street office of units.json, a rule's categories are categories). Every
 * problem is collected before failing, so a city fixes its folder in one pass.
 */
final class CityReader {

    static final String CITY = "city.json";
    static final String CATEGORIES = "categories.json";
    static final String DISTRICTS = "districts.json";
    static final String UNITS = "units.json";
    static final String GRIDS = "grids.geojson";
    static final String RULES = "rules.json";
    static final String TEMPLATES = "sms-templates.json";
    static final String VOCABULARY = "category-vocabulary.json";
    static final String CORPUS = "complaints-corpus.tsv";

    /** The values of the link a citizen follows their ticket by: whole, or its token alone. */
    private static final List<String> FOLLOW = List.of("followLink", "followToken");
    private static final Set<String> RECEIPTS = Set.of("TicketReceived", "PublicReceipt");
    /**
     * Texts the notification service sends, each with the values its template may use; each needs a template in
     * Chinese and in English. A receipt must carry the link the citizen follows the ticket by, and a public receipt its
     * one-time code: the number gets nothing else until the code is entered.
     */
    static final Map<String, List<String>> TEXTS = texts();
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([^{}]*)}");
    static final List<String> LANGUAGES = List.of("zh", "en");
    static final List<String> PRIORITIES = Arrays.stream(Priority.values()).map(Priority::name).toList();
    static final List<String> UNIT_KINDS = List.of("DEPARTMENT", "ENTERPRISE", "STREET_OFFICE");
    /** The most extensions a city may grant without approval: more is no approval at all. */
    static final int MOST_EXTENSIONS = 10;
    /** The longest extension a city may grant without approval, in days. */
    static final int LONGEST_EXTENSION_DAYS = 90;
    /** The longest time limit an urgency class may set, in days: more is a typo. */
    static final int LONGEST_LIMIT_DAYS = 365;
    /** A time limit as a city writes it: whole minutes, hours or days ({@code 30m}, {@code 2h}, {@code 7d}). */
    private static final java.util.regex.Pattern LIMIT = java.util.regex.Pattern.compile("([1-9][0-9]{0,5})([mhd])");
    /** The category a ticket gets when nobody can tell: triage's queue. */
    static final String UNCLASSIFIED = "OTHER";
    /** A rule's lead that means the street office of the ticket's grid. */
    static final String STREET_OFFICE = "@streetOffice";
    static final String GRID_WORKER = "@gridWorker";

    private final CityFiles files;
    private final List<String> problems = new ArrayList<>();

    private CityReader(CityFiles files) {
        this.files = files;
    }

    static City read(CityFiles files) {
        return new CityReader(files).read();
    }

    private City read() {
        JsonFile city = json(CITY);
        JsonFile categoriesFile = json(CATEGORIES);
        JsonFile districtsFile = json(DISTRICTS);
        JsonFile unitsFile = json(UNITS);
        JsonFile gridsFile = json(GRIDS);
        JsonFile rules = json(RULES);
        JsonFile templates = json(TEMPLATES);
        JsonFile vocabulary = json(VOCABULARY);
        String corpusText = files.read(CORPUS);

        ZoneId zone = zone(city);
        ExtensionAllowance extensions = extensions(city);
        List<UrgencyClass> urgencyClasses = urgencyClasses(city);
        // a class with a problem of its own is reported once, not again for each category naming it
        Set<String> classCodes = new HashSet<>();
        city.root().path("urgencyClasses").forEach(c -> classCodes.add(string(c.path("code"))));
        List<Category> categories = categories(categoriesFile, classCodes);
        Set<String> categoryCodes = new HashSet<>();
        categories.forEach(c -> categoryCodes.add(c.code()));
        List<District> districts = districts(districtsFile);
        List<Unit> units = units(unitsFile, districts);
        List<Grid> grids = grids(gridsFile, districts, units);
        checkRules(rules, categoryCodes, units);
        Map<String, Map<String, String>> texts = templates(templates);
        Map<String, List<String>> words = vocabulary(vocabulary, categoryCodes);
        List<LabelledComplaint> corpus = corpus(corpusText, categoryCodes);
        Set<String> unitIds = new HashSet<>();
        units.forEach(u -> unitIds.add(u.id()));
        Set<String> districtCodes = new HashSet<>();
        districts.forEach(d -> districtCodes.add(d.code()));
        KnowledgeFiles.Knowledge knowledge = KnowledgeFiles.read(files, categoryCodes, unitIds, districtCodes,
                problems);

        if (!problems.isEmpty()) {
            throw new CityDataException("The city's data has " + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + ":\n - " + String.join("\n - ", problems));
        }
        return new City(string(city.root().path("name")), zone, categories, districts, units, grids,
                files.read(RULES), texts, words, corpus, knowledge.articles(), knowledge.synonyms(), extensions,
                urgencyClasses);
    }

    private JsonFile json(String file) {
        return JsonFile.parse(files.describe(file), files.read(file));
    }

    private ZoneId zone(JsonFile city) {
        try {
            return ZoneId.of(text(city, city.root(), "", "zone"));
        } catch (DateTimeException e) {
            problems.add(city.at("/zone") + ": zone is not a time zone such as Asia/Shanghai");
            return ZoneId.of("UTC");
        }
    }

    /**
     * What {@code "extensions"} in city.json allows a unit without the centre's approval: {@code withoutApproval}
     * extensions of a ticket, each of at most {@code longestWithoutApprovalDays}; either left out keeps the default.
     */
    private ExtensionAllowance extensions(JsonFile city) {
        JsonNode extensions = city.root().path("extensions");
        if (extensions.isMissingNode()) {
            return ExtensionAllowance.DEFAULT;
        }
        if (!extensions.isObject()) {
            problems.add(city.at("/extensions") + ": extensions must be an object with withoutApproval and "
                    + "longestWithoutApprovalDays");
            return ExtensionAllowance.DEFAULT;
        }
        int count = wholeNumber(city, extensions, "/extensions", "withoutApproval", MOST_EXTENSIONS,
                ExtensionAllowance.DEFAULT.withoutApproval());
        int days = wholeNumber(city, extensions, "/extensions", "longestWithoutApprovalDays", LONGEST_EXTENSION_DAYS,
                (int) ExtensionAllowance.DEFAULT.longestWithoutApproval().toDays());
        return new ExtensionAllowance(count, Duration.ofDays(days));
    }

    /**
     * The urgency classes of city.json ({@code "urgencyClasses"}, optional): each with a code, its names, the time to
     * dispatch, to answer and to warn before either, and optionally the longest the answer may be extended to. A class
     * with a problem is reported and left out.
     */
    private List<UrgencyClass> urgencyClasses(JsonFile city) {
        List<UrgencyClass> classes = new ArrayList<>();
        JsonNode all = city.root().path("urgencyClasses");
        if (all.isMissingNode()) {
            return classes;
        }
        if (!all.isArray()) {
            problems.add(city.at("/urgencyClasses") + ": urgencyClasses must be a list");
            return classes;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            JsonNode c = all.get(i);
            String at = "/urgencyClasses/" + i;
            int before = problems.size();
            String code = code(city, c, at, "code", seen);
            String zh = text(city, c, at, "zh");
            String en = text(city, c, at, "en");
            Duration dispatch = limit(city, c, at, "dispatchWithin", true);
            Duration answer = limit(city, c, at, "answerWithin", true);
            Duration warn = limit(city, c, at, "warnWithin", true);
            Duration longest = limit(city, c, at, "longestAnswer", false);
            if (dispatch != null && answer != null && answer.compareTo(dispatch) < 0) {
                problems.add(city.at(at + "/answerWithin") + ": answerWithin " + string(c.path("answerWithin"))
                        + " is shorter than dispatchWithin " + string(c.path("dispatchWithin")));
            }
            if (dispatch != null && warn != null && warn.compareTo(dispatch) >= 0) {
                problems.add(city.at(at + "/warnWithin") + ": warnWithin " + string(c.path("warnWithin"))
                        + " must be shorter than dispatchWithin " + string(c.path("dispatchWithin"))
                        + ", or a ticket would be in its warning window from the moment it is dispatched");
            }
            if (answer != null && longest != null && longest.compareTo(answer) < 0) {
                problems.add(city.at(at + "/longestAnswer") + ": longestAnswer " + string(c.path("longestAnswer"))
                        + " is shorter than answerWithin " + string(c.path("answerWithin")));
            }
            if (problems.size() == before) {
                classes.add(new UrgencyClass(code, zh, en, dispatch, answer, warn, longest));
            }
        }
        return classes;
    }

    /**
     * A time limit at {@code field} such as {@code 30m}, {@code 2h} or {@code 7d}; {@code null} where it is left out
     * (a problem when {@code required}) or is not one.
     */
    private Duration limit(JsonFile file, JsonNode node, String at, String field, boolean required) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() && !required) {
            return null;
        }
        java.util.regex.Matcher parsed = LIMIT.matcher(value.isString() ? value.asString() : "");
        if (!parsed.matches()) {
            problems.add(file.at(at + "/" + field) + ": " + field + (value.isMissingNode() ? " is missing" : " "
                    + string(value) + " is not a time limit") + "; write minutes, hours or days: 30m, 2h, 7d");
            return null;
        }
        long amount = Long.parseLong(parsed.group(1));
        Duration limit = switch (parsed.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (limit.compareTo(Duration.ofDays(LONGEST_LIMIT_DAYS)) > 0) {
            problems.add(file.at(at + "/" + field) + ": " + field + " " + value.asString() + " is longer than "
                    + LONGEST_LIMIT_DAYS + " days");
            return null;
        }
        return limit;
    }

    /** A whole number from 0 to {@code most} at {@code field}; {@code otherwise} where it is left out. */
    private int wholeNumber(JsonFile file, JsonNode node, String at, String field, int most, int otherwise) {
        JsonNode value = node.path(field);
        if (value.isMissingNode()) {
            return otherwise;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0 || value.asInt() > most) {
            problems.add(file.at(at + "/" + field) + ": " + field + " must be a whole number from 0 to " + most);
            return otherwise;
        }
        return value.asInt();
    }

    private List<Category> categories(JsonFile file, Set<String> urgencyClasses) {
        List<Category> categories = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode all = array(file, file.root(), "");
        for (int i = 0; i < all.size(); i++) {
            JsonNode c = all.get(i);
            String at = "/" + i;
            String code = code(file, c, at, "code", seen);
            String priority = text(file, c, at, "defaultPriority");
            if (!priority.isEmpty() && !PRIORITIES.contains(priority)) {
                problems.add(file.at(at + "/defaultPriority") + ": defaultPriority " + priority + " is not one of "
                        + PRIORITIES);
            }
            Priority defaultPriority = PRIORITIES.contains(priority) ? Priority.valueOf(priority) : Priority.NORMAL;
            JsonNode returnReview = c.path("returnReview");
            if (!returnReview.isMissingNode() && !returnReview.isBoolean()) {
                problems.add(file.at(at + "/returnReview") + ": returnReview must be true or false");
            }
            String urgencyClass = urgencyClass(file, c, at, urgencyClasses);
            categories.add(new Category(code, text(file, c, at, "zh"), text(file, c, at, "en"), defaultPriority,
                    !returnReview.isBoolean() || returnReview.asBoolean(), urgencyClass));
        }
        if (!seen.contains(UNCLASSIFIED)) {
            problems.add(file.at("") + ": no category " + UNCLASSIFIED + ", which tickets nobody can place get");
        }
        return categories;
    }

    /** The urgency class a category names, which city.json must define; {@code null} where it names none. */
    private String urgencyClass(JsonFile file, JsonNode category, String at, Set<String> urgencyClasses) {
        JsonNode value = category.path("urgencyClass");
        if (value.isMissingNode()) {
            return null;
        }
        if (!value.isString() || !urgencyClasses.contains(value.asString())) {
            problems.add(file.at(at + "/urgencyClass") + ": urgencyClass " + string(value)
                    + " is not a class of urgencyClasses in " + CITY + (urgencyClasses.isEmpty() ? ", which has none"
                    : " " + urgencyClasses.stream().sorted().toList()));
            return null;
        }
        return value.asString();
    }

    private List<District> districts(JsonFile file) {
        List<District> districts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode all = array(file, file.root(), "");
        for (int i = 0; i < all.size(); i++) {
            JsonNode d = all.get(i);
            String at = "/" + i;
            List<District.Street> streets = new ArrayList<>();
            Set<String> streetCodes = new HashSet<>();
            JsonNode streetNodes = array(file, d.path("streets"), at + "/streets");
            for (int s = 0; s < streetNodes.size(); s++) {
                JsonNode street = streetNodes.get(s);
                String streetAt = at + "/streets/" + s;
                List<String> roads = new ArrayList<>();
                street.path("roads").forEach(road -> roads.add(string(road)));
                streets.add(new District.Street(code(file, street, streetAt, "code", streetCodes),
                        text(file, street, streetAt, "zh"), text(file, street, streetAt, "en"), roads));
            }
            districts.add(new District(code(file, d, at, "code", seen), text(file, d, at, "zh"),
                    text(file, d, at, "en"), streets));
        }
        return districts;
    }

    private List<Unit> units(JsonFile file, List<District> districts) {
        List<Unit> units = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> districtCodes = new HashSet<>();
        districts.forEach(d -> districtCodes.add(d.code()));
        JsonNode all = array(file, file.root(), "");
        for (int i = 0; i < all.size(); i++) {
            JsonNode u = all.get(i);
            String at = "/" + i;
            String kind = text(file, u, at, "kind");
            if (!kind.isEmpty() && !UNIT_KINDS.contains(kind)) {
                problems.add(file.at(at + "/kind") + ": kind " + kind + " is not one of " + UNIT_KINDS);
            }
            String district = u.path("district").isString() ? u.path("district").asString() : null;
            if (district != null && !districtCodes.contains(district)) {
                problems.add(file.at(at + "/district") + ": district " + district + " is not in " + DISTRICTS);
            }
            units.add(new Unit(code(file, u, at, "id", seen), text(file, u, at, "zh"), text(file, u, at, "en"),
                    kind, district));
        }
        return units;
    }

    private List<Grid> grids(JsonFile file, List<District> districts, List<Unit> units) {
        Map<String, Set<String>> streetsByDistrict = new HashMap<>();
        districts.forEach(d -> streetsByDistrict.put(d.code(), new HashSet<>(d.streets().stream()
                .map(District.Street::code).toList())));
        Set<String> streetOffices = new HashSet<>();
        units.stream().filter(u -> "STREET_OFFICE".equals(u.kind())).forEach(u -> streetOffices.add(u.id()));
        List<Grid> grids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode features = array(file, file.root().path("features"), "/features");
        for (int i = 0; i < features.size(); i++) {
            String at = "/features/" + i;
            JsonNode p = features.get(i).path("properties");
            String id = code(file, p, at + "/properties", "gridId", seen);
            String district = text(file, p, at + "/properties", "district");
            String street = text(file, p, at + "/properties", "street");
            String office = text(file, p, at + "/properties", "streetOffice");
            if (!district.isEmpty() && !streetsByDistrict.containsKey(district)) {
                problems.add(file.at(at + "/properties/district") + ": district " + district + " is not in "
                        + DISTRICTS);
            } else if (!street.isEmpty() && !streetsByDistrict.getOrDefault(district, Set.of()).contains(street)) {
                problems.add(file.at(at + "/properties/street") + ": street " + street + " is not a street of "
                        + district + " in " + DISTRICTS);
            }
            if (!office.isEmpty() && !streetOffices.contains(office)) {
                problems.add(file.at(at + "/properties/streetOffice") + ": streetOffice " + office
                        + " is not a unit of kind STREET_OFFICE in " + UNITS);
            }
            grids.add(new Grid(id, text(file, p, at + "/properties", "name"), district, street, office,
                    ring(file, features.get(i).path("geometry"), at + "/geometry")));
        }
        return grids;
    }

    private List<double[]> ring(JsonFile file, JsonNode geometry, String at) {
        List<double[]> ring = new ArrayList<>();
        if (!"Polygon".equals(string(geometry.path("type")))) {
            problems.add(file.at(at + "/type") + ": a grid's geometry must be a Polygon");
            return ring;
        }
        for (JsonNode point : geometry.path("coordinates").path(0)) {
            double lon = point.path(0).asDouble(Double.NaN);
            double lat = point.path(1).asDouble(Double.NaN);
            if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
                problems.add(file.at(at + "/coordinates/0/" + ring.size()) + ": " + point
                        + " is not a [longitude, latitude] pair");
            }
            ring.add(new double[] {lon, lat});
        }
        if (ring.size() < 4 || ring.get(0)[0] != ring.get(ring.size() - 1)[0]
                || ring.get(0)[1] != ring.get(ring.size() - 1)[1]) {
            problems.add(file.at(at + "/coordinates") + ": a grid's ring needs at least 4 points and must end "
                    + "where it starts");
        }
        return ring;
    }

    private void checkRules(JsonFile file, Set<String> categories, List<Unit> units) {
        Set<String> unitIds = new HashSet<>();
        units.forEach(u -> unitIds.add(u.id()));
        JsonNode rules = array(file, file.root().path("rules"), "/rules");
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            String at = "/rules/" + i;
            String lead = text(file, rule, at, "lead");
            if (!lead.isEmpty() && !lead.equals(STREET_OFFICE) && !lead.equals(GRID_WORKER)
                    && !unitIds.contains(lead)) {
                problems.add(file.at(at + "/lead") + ": lead " + lead + " is not a unit in " + UNITS + " nor "
                        + STREET_OFFICE + " nor " + GRID_WORKER);
            }
            JsonNode coUnits = rule.path("coUnits");
            for (int u = 0; u < coUnits.size(); u++) {
                if (!unitIds.contains(string(coUnits.get(u)))) {
                    problems.add(file.at(at + "/coUnits/" + u) + ": unit " + string(coUnits.get(u))
                            + " is not in " + UNITS);
                }
            }
            JsonNode when = rule.path("when").path("categories");
            for (int c = 0; c < when.size(); c++) {
                if (!categories.contains(string(when.get(c)))) {
                    problems.add(file.at(at + "/when/categories/" + c) + ": category " + string(when.get(c))
                            + " is not in " + CATEGORIES);
                }
            }
        }
    }

    private static Map<String, List<String>> texts() {
        Map<String, List<String>> texts = new LinkedHashMap<>();
        texts.put("TicketReceived", List.of("ticketNumber"));
        texts.put("PublicReceipt", List.of("ticketNumber", "code"));
        texts.put("TicketAssigned", List.of("ticketNumber", "unitName", "resolveBy"));
        texts.put("TicketExtended", List.of("ticketNumber", "unitName", "resolveBy", "reason"));
        texts.put("TicketResolved", List.of("ticketNumber", "unitName", "reply"));
        texts.put("TicketReopened", List.of("ticketNumber", "unitName", "resolveBy"));
        texts.put("TicketClosed", List.of("ticketNumber", "unitName"));
        texts.put("ReplyHelp", List.of("ticketNumber"));
        texts.put("AnswerGiven", List.of("ticketNumber", "answer"));
        // every text may carry the link the citizen follows the ticket by, whole or as its token after the city's
        // own approved link text (for providers that take only short values)
        texts.replaceAll((text, values) -> java.util.stream.Stream.concat(values.stream(), FOLLOW.stream()).toList());
        return texts;
    }

    private Map<String, Map<String, String>> templates(JsonFile file) {
        Map<String, Map<String, String>> templates = new LinkedHashMap<>();
        TEXTS.forEach((text, values) -> {
            Map<String, String> byLanguage = new LinkedHashMap<>();
            for (String language : LANGUAGES) {
                String at = "/" + text + "/" + language;
                JsonNode template = file.root().path(text).path(language);
                if (!template.isString() || template.asString().isBlank()) {
                    problems.add(file.at(at) + ": no " + language + " template for " + text);
                    continue;
                }
                java.util.regex.Matcher placeholder = PLACEHOLDER.matcher(template.asString());
                while (placeholder.find()) {
                    if (!values.contains(placeholder.group(1))) {
                        problems.add(file.at(at) + ": " + text + "." + language + " uses {" + placeholder.group(1)
                                + "}, which this text has no value for; it may use {" + String.join("}, {", values)
                                + "}");
                    }
                }
                if (RECEIPTS.contains(text) && FOLLOW.stream().noneMatch(
                        follow -> template.asString().contains("{" + follow + "}"))) {
                    problems.add(file.at(at) + ": " + text + "." + language + " must carry {followLink} or "
                            + "{followToken}: the link in the receipt is the only way the citizen can look the "
                            + "ticket up");
                }
                if (text.equals("PublicReceipt") && !template.asString().contains("{code}")) {
                    problems.add(file.at(at) + ": PublicReceipt." + language + " must carry {code}, the one-time "
                            + "code a web reporter enters before getting any other text");
                }
                byLanguage.put(language, template.asString());
            }
            templates.put(text, byLanguage);
        });
        return templates;
    }

    private Map<String, List<String>> vocabulary(JsonFile file, Set<String> categories) {
        Map<String, List<String>> vocabulary = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : file.root().properties()) {
            if (entry.getKey().startsWith("_")) {
                continue;
            }
            if (!categories.contains(entry.getKey())) {
                problems.add(file.at("/" + entry.getKey()) + ": category " + entry.getKey() + " is not in "
                        + CATEGORIES);
            }
            List<String> words = new ArrayList<>();
            entry.getValue().forEach(word -> words.add(string(word)));
            vocabulary.put(entry.getKey(), List.copyOf(words));
        }
        return vocabulary;
    }

    private List<LabelledComplaint> corpus(String text, Set<String> categories) {
        List<LabelledComplaint> corpus = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String at = files.describe(CORPUS) + ":" + (i + 1);
            String[] fields = line.split("\t", 3);
            if (fields.length != 3 || !(fields[0].equals("train") || fields[0].equals("eval"))) {
                problems.add(at + ": not split<TAB>category<TAB>text, with split train or eval");
                continue;
            }
            if (!categories.contains(fields[1])) {
                problems.add(at + ": category " + fields[1] + " is not in " + CATEGORIES);
            }
            corpus.add(new LabelledComplaint(fields[0].equals("eval"), fields[1], fields[2].strip()));
        }
        if (corpus.stream().noneMatch(c -> !c.evaluation())) {
            problems.add(files.describe(CORPUS) + ": no training complaints; the classifier learns from them");
        }
        return corpus;
    }

    /** A value as text: a string as it is, anything else as JSON, so that a wrong type is named, not thrown. */
    private static String string(JsonNode node) {
        return node.isString() ? node.asString() : node.toString();
    }

    private JsonNode array(JsonFile file, JsonNode node, String at) {
        if (!node.isArray()) {
            problems.add(file.at(at) + ": " + (at.isEmpty() ? "the file" : at) + " must be a list");
        }
        return node;
    }

    private String text(JsonFile file, JsonNode node, String at, String field) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            problems.add(file.at(at + "/" + field) + ": " + field + " is missing or empty");
            return "";
        }
        return value.asString();
    }

    /** An identifier other files name: upper-case, and unique in its list. */
    private String code(JsonFile file, JsonNode node, String at, String field, Set<String> seen) {
        String code = text(file, node, at, field);
        if (!code.isEmpty() && !code.matches("[A-Z][A-Z0-9_-]{0,39}")) {
            problems.add(file.at(at + "/" + field) + ": " + field + " " + code
                    + " must be upper-case letters, digits, _ or - (at most 40)");
        }
        if (!code.isEmpty() && !seen.add(code)) {
            problems.add(file.at(at + "/" + field) + ": " + field + " " + code + " appears twice");
        }
        return code;
    }
}
