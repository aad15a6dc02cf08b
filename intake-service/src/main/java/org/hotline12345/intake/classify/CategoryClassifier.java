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
 * does not win where the words do not decide. Naive Bayes counts every character pair as independent evidence and
 * so is far too sure of itself; the confidence of a category is its share of the posterior softened by a
 * temperature, chosen when training as the one that best predicts each training complaint from all the others.
 */
public final class CategoryClassifier {

    /** Additive smoothing: how many times every known feature is taken to have been seen in every category. */
    private static final double SMOOTHING = 0.1;
    private static final int VOCABULARY_WEIGHT = 3;
    private static final double[] TEMPERATURES = {1, 1.5, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40};

    private final List<String> categories;
    private final Map<String, Map<String, Integer>> counts = new HashMap<>();
    private final Map<String, Integer> totals = new HashMap<>();
    private final Set<String> vocabulary;
    private final double temperature;

    private CategoryClassifier(List<LabelledComplaint> training, Map<String, List<String>> words) {
        Set<String> features = new HashSet<>();
        for (LabelledComplaint complaint : training) {
            learn(complaint.category(), complaint.text(), 1, features);
        }
        words.forEach((category, phrases) -> phrases.forEach(
                phrase -> learn(category, phrase, VOCABULARY_WEIGHT, features)));
        this.categories = List.copyOf(new TreeMap<>(counts).keySet());
        this.vocabulary = Set.copyOf(features);
        this.temperature = calibrate(training);
    }

    /** The temperature under which each training complaint, left out of the counts, is best predicted. */
    private double calibrate(List<LabelledComplaint> training) {
        List<Map<String, Double>> scores = new ArrayList<>();
        for (LabelledComplaint complaint : training) {
            List<String> features = ComplaintFeatures.of(complaint.text());
            Map<String, Integer> own = new HashMap<>();
            features.forEach(f -> own.merge(f, 1, Integer::sum));
            scores.add(logLikelihoods(features, complaint.category(), own, features.size()));
        }
        double best = 1;
        double bestLoss = Double.MAX_VALUE;
        for (double t : TEMPERATURES) {
            double loss = 0;
            for (int i = 0; i < training.size(); i++) {
                loss -= Math.log(Math.max(softmax(scores.get(i), t).get(training.get(i).category()), 1e-12));
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = t;
            }
        }
        return best;
    }

    /** The temperature the confidences are softened by. */
    double temperature() {
        return temperature;
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
        List<String> features = ComplaintFeatures.of(text);
        List<Scored> ranked = new ArrayList<>();
        softmax(logLikelihoods(features, null, Map.of(), 0), temperature)
                .forEach((category, confidence) -> ranked.add(new Scored(category, confidence)));
        ranked.sort(Comparator.comparingDouble(Scored::confidence).reversed().thenComparing(Scored::category));
        return ranked;
    }

    /**
     * The log-likelihood of {@code features} under each category, with {@code own} feature counts taken out of
     * {@code ownCategory}'s counts (to score a training complaint as if it had not been learnt).
     */
    private Map<String, Double> logLikelihoods(List<String> features, String ownCategory, Map<String, Integer> own,
            int ownTotal) {
        List<String> known = features.stream().filter(vocabulary::contains).toList();
        Map<String, Double> logLikelihood = new HashMap<>();
        for (String category : categories) {
            boolean leftOut = category.equals(ownCategory);
            Map<String, Integer> seen = counts.get(category);
            double denominator = Math.log(totals.get(category) - (leftOut ? ownTotal : 0)
                    + SMOOTHING * vocabulary.size());
            double sum = 0;
            for (String feature : known) {
                int count = seen.getOrDefault(feature, 0) - (leftOut ? own.getOrDefault(feature, 0) : 0);
                sum += Math.log(Math.max(count, 0) + SMOOTHING) - denominator;
            }
            logLikelihood.put(category, sum);
        }
        return logLikelihood;
    }

    private static Map<String, Double> softmax(Map<String, Double> logLikelihood, double temperature) {
        double best = logLikelihood.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double norm = logLikelihood.values().stream().mapToDouble(l -> Math.exp((l - best) / temperature)).sum();
        Map<String, Double> shares = new HashMap<>();
        logLikelihood.forEach((category, l) -> shares.put(category, Math.exp((l - best) / temperature) / norm));
        return shares;
    }

    /** A category and how confident the classifier is in it, between 0 and 1. */
    public record Scored(String category, double confidence) {
    }
}
