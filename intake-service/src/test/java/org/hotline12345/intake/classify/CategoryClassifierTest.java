package org.hotline12345.intake.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hotline12345.referencedata.LabelledComplaint;
import org.hotline12345.referencedata.SampleCity;
import org.junit.jupiter.api.Test;

class CategoryClassifierTest {

    private static final List<LabelledComplaint> CORPUS = SampleCity.complaintCorpus();
    private static final CategoryClassifier CLASSIFIER = CategoryClassifier.trainedOn(CORPUS,
            SampleCity.categoryVocabulary());

    @Test
    void theCorpusCoversEveryCategoryWithUnseenComplaintsForEach() {
        assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(300);
        List<String> categories = SampleCity.load().categories().stream().map(c -> c.code()).toList();
        for (String category : categories) {
            assertThat(CORPUS).as(category).anyMatch(c -> c.category().equals(category) && c.evaluation())
                    .anyMatch(c -> c.category().equals(category) && !c.evaluation());
        }
        assertThat(CORPUS).extracting(LabelledComplaint::category).allMatch(categories::contains);
        List<String> training = CORPUS.stream().filter(c -> !c.evaluation()).map(LabelledComplaint::text).toList();
        assertThat(CORPUS).filteredOn(LabelledComplaint::evaluation).extracting(LabelledComplaint::text)
                .doesNotContainAnyElementsOf(training);
    }

    @Test
    void placesAtLeast85PercentOfComplaintsItWasNotTrainedOn() {
        List<LabelledComplaint> unseen = CORPUS.stream().filter(LabelledComplaint::evaluation).toList();
        Map<String, String> misses = new TreeMap<>();
        long right = 0;
        for (LabelledComplaint complaint : unseen) {
            String guess = CLASSIFIER.rank(complaint.text()).get(0).category();
            if (guess.equals(complaint.category())) {
                right++;
            } else {
                misses.put(complaint.text(), complaint.category() + " taken for " + guess);
            }
        }
        double accuracy = (double) right / unseen.size();
        System.out.printf("classifier: top-1 accuracy %d/%d = %.1f%% on the evaluation part%n", right,
                unseen.size(), 100 * accuracy);
        misses.forEach((text, why) -> System.out.println("  miss: " + why + ": " + text));
        assertThat(accuracy).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void filesOnlyWhatItIsSureOfAndSendsMostOfItsMistakesToTriage() {
        double threshold = 0.5;
        long filed = 0;
        long filedRight = 0;
        for (LabelledComplaint complaint : CORPUS.stream().filter(LabelledComplaint::evaluation).toList()) {
            CategoryClassifier.Scored best = CLASSIFIER.rank(complaint.text()).get(0);
            if (best.confidence() >= threshold) {
                filed++;
                filedRight += best.category().equals(complaint.category()) ? 1 : 0;
            }
        }
        System.out.printf("classifier: %d of the evaluation part filed at confidence >= %.1f, %d of them right%n",
                filed, threshold, filedRight);
        assertThat((double) filedRight / filed).isGreaterThanOrEqualTo(0.9);
        assertThat(CLASSIFIER.temperature()).isGreaterThan(1.0);
    }

    @Test
    void readsChineseAndEnglish() {
        assertThat(CLASSIFIER.rank("小区停水了，水龙头一滴水都没有").get(0).category()).isEqualTo("WATER_SUPPLY");
        assertThat(CLASSIFIER.rank("Loud music from the bar every night, we cannot sleep").get(0).category())
                .isEqualTo("NOISE");
    }

    @Test
    void isUnsureOfWordsItHasNeverSeen() {
        List<CategoryClassifier.Scored> ranked = CLASSIFIER.rank("qwxz zzyq");
        assertThat(ranked.get(0).confidence()).isLessThan(0.1);
        assertThat(ranked.stream().mapToDouble(CategoryClassifier.Scored::confidence).sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
}
