package org.hotline12345.intake.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hotline12345.referencedata.LabelledComplaint;

/**
 * How the classifier does on complaints it did not learn from: top-1 accuracy, and how many it files at the
 * suggestion threshold and how many of those are right (the rest go to triage).
 *
 * @param misses each missed complaint with its category and the guess
 */
public record ClassifierEvaluation(int complaints, int right, int filed, int filedRight, double threshold,
        Map<String, String> misses) {

    /** Trains on {@code corpus}'s training part with {@code vocabulary} and measures on its evaluation part. */
    public static ClassifierEvaluation of(List<LabelledComplaint> corpus, Map<String, List<String>> vocabulary,
            double threshold) {
        CategoryClassifier classifier = CategoryClassifier.trainedOn(corpus, vocabulary);
        int complaints = 0;
        int right = 0;
        int filed = 0;
        int filedRight = 0;
        Map<String, String> misses = new TreeMap<>();
        for (LabelledComplaint complaint : corpus.stream().filter(LabelledComplaint::evaluation).toList()) {
            CategoryClassifier.Scored best = classifier.rank(complaint.text()).get(0);
            boolean hit = best.category().equals(complaint.category());
            complaints++;
            right += hit ? 1 : 0;
            if (best.confidence() >= threshold) {
                filed++;
                filedRight += hit ? 1 : 0;
            }
            if (!hit) {
                misses.put(complaint.text(), complaint.category() + " taken for " + best.category());
            }
        }
        return new ClassifierEvaluation(complaints, right, filed, filedRight, threshold, misses);
    }

    public double accuracy() {
        return complaints == 0 ? 0 : (double) right / complaints;
    }

    /** Of what the classifier was sure enough to file, the share it filed right. */
    public double filedAccuracy() {
        return filed == 0 ? 0 : (double) filedRight / filed;
    }

    /**
     * Vocabulary phrases that occur in evaluation complaints but in no training complaint: a phrase written with the
     * evaluation part in view makes its figure look better than the classifier will do on new calls.
     */
    public static Set<String> phrasesSeenOnlyInEvaluation(List<LabelledComplaint> corpus,
            Map<String, List<String>> vocabulary) {
        Set<String> suspicious = new TreeSet<>();
        vocabulary.values().forEach(phrases -> phrases.forEach(phrase -> {
            String p = phrase.toLowerCase(Locale.ROOT);
            boolean inTraining = corpus.stream().anyMatch(c -> !c.evaluation()
                    && c.text().toLowerCase(Locale.ROOT).contains(p));
            boolean inEvaluation = corpus.stream().anyMatch(c -> c.evaluation()
                    && c.text().toLowerCase(Locale.ROOT).contains(p));
            if (inEvaluation && !inTraining) {
                suspicious.add(phrase);
            }
        }));
        return suspicious;
    }

    /** The report {@code ./classifier-check} prints. */
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "top-1 accuracy: %d/%d = %.1f%% on the evaluation complaints",
                right, complaints, 100 * accuracy()));
        lines.add(String.format(Locale.ROOT, "filed at confidence >= %.2f: %d of %d, %d of them right (%.1f%%); "
                + "the rest go to triage", threshold, filed, complaints, filedRight, 100 * filedAccuracy()));
        misses.forEach((text, why) -> lines.add("  miss: " + why + ": " + text));
        return lines;
    }
}
