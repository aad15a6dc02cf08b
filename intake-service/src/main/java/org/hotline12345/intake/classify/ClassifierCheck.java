package org.hotline12345.intake.classify;

import java.nio.file.Path;
import org.hotline12345.referencedata.City;

/**
 * {@code ./classifier-check [city folder]}: trains the category classifier on a city's corpus as intake does at
 * start-up and prints how it does on the corpus's evaluation complaints, so that a city that edits its corpus or
 * vocabulary sees the figure before it deploys.
 */
public final class ClassifierCheck {

    /** The suggestion threshold intake files a category at unless configured otherwise. */
    private static final double THRESHOLD = 0.5;

    private ClassifierCheck() {
    }

    public static void main(String[] args) {
        City city = args.length == 0 ? City.sample() : City.fromFolder(Path.of(args[0]));
        System.out.printf("%s: %d training and %d evaluation complaints, %d vocabulary categories%n", city.name(),
                city.trainingComplaints().size(), city.evaluationComplaints().size(),
                city.categoryVocabulary().size());
        ClassifierEvaluation.of(city.complaintCorpus(), city.categoryVocabulary(), THRESHOLD).report()
                .forEach(System.out::println);
        var suspicious = ClassifierEvaluation.phrasesSeenOnlyInEvaluation(city.complaintCorpus(),
                city.categoryVocabulary());
        if (!suspicious.isEmpty()) {
            System.out.printf("caution: %d vocabulary phrases occur in evaluation complaints and in no training "
                    + "complaint, so the figure may be better than new calls will see: %s%n", suspicious.size(),
                    suspicious);
        }
    }
}
