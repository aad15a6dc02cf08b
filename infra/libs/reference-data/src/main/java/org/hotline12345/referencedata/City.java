package org.hotline12345.referencedata;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A city's reference data: its time zone, categories, districts, units, grids, first routing rules, text templates,
 * and the classifier's vocabulary and labelled corpus. The sample city ships on the classpath; a city's own comes
 * from a folder holding the same files ({@code HOTLINE_CITY_DIR}), checked as a whole when it is read, so that a
 * service does not start on data it would fail on later. A service holds one, read at start, and is given it.
 */
public final class City {

    private static final String SAMPLE = "reference-data/";

    private final String name;
    private final ZoneId zone;
    private final List<Category> categories;
    private final List<District> districts;
    private final List<Unit> units;
    private final List<Grid> grids;
    private final GridIndex gridIndex;
    private final String firstRuleSet;
    private final Map<String, Map<String, String>> smsTemplates;
    private final Map<String, List<String>> categoryVocabulary;
    private final List<LabelledComplaint> complaintCorpus;
    private final List<KnowledgeArticle> knowledge;
    private final List<List<String>> synonyms;
    private final ExtensionAllowance extensionAllowance;
    private final List<UrgencyClass> urgencyClasses;

    City(String name, ZoneId zone, List<Category> categories, List<District> districts, List<Unit> units,
            List<Grid> grids, String firstRuleSet, Map<String, Map<String, String>> smsTemplates,
            Map<String, List<String>> categoryVocabulary, List<LabelledComplaint> complaintCorpus,
            List<KnowledgeArticle> knowledge, List<List<String>> synonyms, ExtensionAllowance extensionAllowance,
            List<UrgencyClass> urgencyClasses) {
        this.name = name;
        this.zone = zone;
        this.categories = List.copyOf(categories);
        this.districts = List.copyOf(districts);
        this.units = List.copyOf(units);
        this.grids = List.copyOf(grids);
        this.gridIndex = GridIndex.of(grids);
        this.firstRuleSet = firstRuleSet;
        this.smsTemplates = Collections.unmodifiableMap(new TreeMap<>(smsTemplates));
        this.categoryVocabulary = Collections.unmodifiableMap(new TreeMap<>(categoryVocabulary));
        this.complaintCorpus = List.copyOf(complaintCorpus);
        this.knowledge = List.copyOf(knowledge);
        this.synonyms = synonyms.stream().map(List::copyOf).toList();
        this.extensionAllowance = extensionAllowance;
        this.urgencyClasses = List.copyOf(urgencyClasses);
    }

    /** The sample city (a slice of Guiyang) that the dev stack and the tests run on. */
    public static City sample() {
        return CityReader.read(new CityFiles.Classpath(SAMPLE));
    }

    /**
     * A city's own data from {@code folder}; fails with every problem found, each naming its file and line.
     *
     * @throws CityDataException when a file is missing, malformed, or names what no other file defines
     */
    public static City fromFolder(Path folder) {
        return CityReader.read(new CityFiles.Folder(folder));
    }

    public String name() {
        return name;
    }

    /** How much more time a unit takes without the centre's approval (延期), from {@code city.json}. */
    public ExtensionAllowance extensionAllowance() {
        return extensionAllowance;
    }

    /**
     * The urgency classes of {@code city.json} ({@code "urgencyClasses"}), in file order; empty where the folder has
     * none, and every ticket keeps the time limits of its priority.
     */
    public List<UrgencyClass> urgencyClasses() {
        return urgencyClasses;
    }

    public Optional<UrgencyClass> urgencyClass(String code) {
        return urgencyClasses.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** The urgency class of tickets of {@code category}; empty when the category names none or is not known. */
    public Optional<UrgencyClass> urgencyClassOf(String category) {
        return category(category).flatMap(Category::urgencyClassCode).flatMap(this::urgencyClass);
    }

    /** The city's time zone: the local day of a ticket number or a count, the hours of rules and quiet hours. */
    public ZoneId zone() {
        return zone;
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

    /**
     * The name of whoever holds a ticket, in {@code language}: a unit's, or the worker of a grid of the city
     * ({@link GridWorkers}); empty for anyone else.
     */
    public Optional<String> holderName(String holder, String language) {
        Optional<String> grid = GridWorkers.gridOf(holder).filter(id -> grids.stream().anyMatch(g -> g.id().equals(id)));
        if (grid.isPresent()) {
            return Optional.of("en".equals(language) ? "the grid worker of " + grid.get() : grid.get() + "网格员");
        }
        return unit(holder).map(u -> u.name(language));
    }

    /** The routing rule set this city starts with, as JSON. */
    public String firstRuleSet() {
        return firstRuleSet;
    }

    /** Text templates: event type, then language, then the template with {@code {named}} placeholders. */
    public Map<String, Map<String, String>> smsTemplates() {
        return smsTemplates;
    }

    /** Words and phrases that mark each category, by category code. */
    public Map<String, List<String>> categoryVocabulary() {
        return categoryVocabulary;
    }

    /** The labelled complaint corpus, training and evaluation parts together, in file order. */
    public List<LabelledComplaint> complaintCorpus() {
        return complaintCorpus;
    }

    /** The corpus's training part: what the classifier learns from. */
    public List<LabelledComplaint> trainingComplaints() {
        return complaintCorpus.stream().filter(c -> !c.evaluation()).toList();
    }

    /** The corpus's evaluation part: never learnt from, only measured on. */
    public List<LabelledComplaint> evaluationComplaints() {
        return complaintCorpus.stream().filter(LabelledComplaint::evaluation).toList();
    }

    /** The knowledge base the city ships ({@code knowledge.jsonl}), in file order; empty when it ships none. */
    public List<KnowledgeArticle> knowledge() {
        return knowledge;
    }

    /**
     * Groups of words callers use for the same thing ({@code synonyms.txt}), each with the official term first;
     * empty when the city ships none.
     */
    public List<List<String>> synonyms() {
        return synonyms;
    }
}
