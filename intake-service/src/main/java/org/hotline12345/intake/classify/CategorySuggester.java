package org.hotline12345.intake.classify;

import java.util.List;
import org.hotline12345.contracts.CategorySuggestion;
import org.hotline12345.referencedata.Category;
import org.hotline12345.referencedata.City;
import org.springframework.stereotype.Component;

/** Suggests a category from a complaint's words, with the classifier trained on the city's corpus (its training part) at start-up. */
@Component
public class CategorySuggester {

    static final String UNCLASSIFIED = "OTHER";
    private static final int ALTERNATIVES = 3;

    private final CategoryClassifier classifier;
    private final City city;
    private final double threshold;

    CategorySuggester(ClassifierSettings settings, City city) {
        this.city = city;
        this.classifier = CategoryClassifier.trainedOn(city.complaintCorpus(), city.categoryVocabulary());
        this.threshold = settings.threshold();
    }

    /** The category a ticket gets for {@code description}: the best guess, or OTHER for triage when unsure. */
    public CategorySuggestion suggest(String description) {
        CategoryClassifier.Scored best = classifier.rank(description).get(0);
        boolean unsure = best.confidence() < threshold;
        return new CategorySuggestion(best.category(), round(best.confidence()), unsure);
    }

    /** What an operator sees while typing: the suggestion and the next most likely categories. */
    public Suggestion explain(String text) {
        List<CategoryClassifier.Scored> ranked = classifier.rank(text);
        List<Choice> choices = ranked.stream().limit(ALTERNATIVES)
                .map(s -> new Choice(s.category(), name(s.category(), "zh"), name(s.category(), "en"),
                        round(s.confidence())))
                .toList();
        boolean unsure = ranked.get(0).confidence() < threshold;
        return new Suggestion(unsure ? UNCLASSIFIED : ranked.get(0).category(), unsure, threshold, choices);
    }

    private String name(String code, String language) {
        return city.category(code).map(c -> "en".equals(language) ? c.en() : c.zh()).orElse(code);
    }

    private static double round(double confidence) {
        return Math.round(confidence * 1000) / 1000.0;
    }

    /**
     * The classifier's answer.
     *
     * @param category the category to file under: the best choice, or {@code OTHER} when it is below the threshold
     * @param needsTriage the best choice was below the threshold
     * @param threshold the confidence a choice needs
     * @param choices the most likely categories, most likely first
     */
    public record Suggestion(String category, boolean needsTriage, double threshold, List<Choice> choices) {
    }

    /** One category with its names and the classifier's confidence. */
    public record Choice(String category, String nameZh, String nameEn, double confidence) {
    }
}
