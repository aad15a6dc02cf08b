package org.hotline12345.intake.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hotline12345.referencedata.LabelledComplaint;

/**
 * Multinomial naive Bayes over {@link ComplaintFeatures}, trained on the training part of the labelled corpus and
 * on each category's vocabulary, every word or phrase of which counts as {@value #VOCABULARY_WEIGHT} sightings.
 * Every category is equally likely before the words are read, so that a category with more examples in the corpus
 * does not win where the words do not decide. The confidence of a category is its share of the posterior.
 */
public final class CategoryClassifier {

    /** Additive smoothing: how many times every known feature is taken to have been seen in every category. */
    private static final double SMOOTHING = 0.1;
    private static final int VOCABULARY_WEIGHT = 3;

    private final List<String> categories;
    private final Map<String, Map<String, Integer>> counts = new HashMap<>();
    private final Map<String, Integer> totals = new HashMap<>();
    private final Set<String> vocabulary;

    private CategoryClassifier(List<LabelledComplaint> training, Map<String, List<String>> words) {
        Set<String> features = new HashSet<>();
        for (LabelledComplaint complaint : training) {
            learn(complaint.category(), complaint.text(), 1, features);
        }
        words.forEach((category, phrases) -> phrases.forEach(
                phrase -> learn(category, phrase, VOCABULARY_WEIGHT, features)));
        this.categories = List.copyOf(new TreeMap<>(counts).keySet());
        this.vocabulary = Set.copyOf(features);
    }

    /**
     * A classifier trained on the complaints of {@code corpus} that are not kept for evaluation and on each
     * category's {@code vocabulary}.
     */
    public static CategoryClassifier trainedOn(List<LabelledComplaint> corpus, Map<String, List<String>> vocabulary) {
        List<LabelledComplaint> training = corpus.stream().filter(c -> !c.evaluation()).toList();
        if (training.isEmpty()) {
            throw new IllegalArgumentException("The corpus has no training complaints");
        }
        return new CategoryClassifier(training, vocabulary);
    }

    private void learn(String category, String text, int weight, Set<String> features) {
        Map<String, Integer> perCategory = counts.computeIfAbsent(category, c -> new HashMap<>());
        for (String feature : ComplaintFeatures.of(text)) {
            perCategory.merge(feature, weight, Integer::sum);
            totals.merge(category, weight, Integer::sum);
            features.add(feature);
        }
    }

    /** Every category with its confidence for {@code text}, most likely first; confidences add up to 1. */
    public List<Scored> rank(String text) {
        List<String> features = ComplaintFeatures.of(text).stream().filter(vocabulary::contains).toList();
        Map<String, Double> logLikelihood = new HashMap<>();
        for (String category : categories) {
            Map<String, Integer> seen = counts.get(category);
            double denominator = Math.log(totals.get(category) + SMOOTHING * vocabulary.size());
            double sum = 0;
            for (String feature : features) {
                sum += Math.log(seen.getOrDefault(feature, 0) + SMOOTHING) - denominator;
            }
            logLikelihood.put(category, sum);
        }
        double best = logLikelihood.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double norm = logLikelihood.values().stream().mapToDouble(l -> Math.exp(l - best)).sum();
        List<Scored> ranked = new ArrayList<>();
        logLikelihood.forEach((category, l) -> ranked.add(new Scored(category, Math.exp(l - best) / norm)));
        ranked.sort(Comparator.comparingDouble(Scored::confidence).reversed().thenComparing(Scored::category));
        return ranked;
    }

    /** A category and how confident the classifier is in it, between 0 and 1. */
    public record Scored(String category, double confidence) {
    }
}
