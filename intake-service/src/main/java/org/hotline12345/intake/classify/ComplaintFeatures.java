package org.hotline12345.intake.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hotline12345.intake.normalise.TextCleaner;

/**
 * The features a complaint is classified by. Chinese has no spaces, so runs of Han characters give their single
 * characters and every pair of neighbours (供水, 停水 …); Latin text gives its words, lower-cased, with a plural
 * or past-tense ending taken off so that "leaks" and "leaked" count as "leak", and common function words left out.
 */
final class ComplaintFeatures {

    private static final Set<String> STOP_WORDS = Set.of("the", "a", "an", "and", "or", "of", "to", "in", "on",
            "at", "is", "are", "was", "were", "be", "been", "it", "its", "for", "our", "we", "my", "i", "me", "us",
            "has", "have", "had", "this", "that", "there", "from", "with", "by", "as", "not", "no", "so", "all");

    private ComplaintFeatures() {
    }

    static List<String> of(String text) {
        List<String> features = new ArrayList<>();
        String cleaned = TextCleaner.clean(text);
        if (cleaned == null) {
            return features;
        }
        String lower = cleaned.toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        int previousHan = -1;
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            i += Character.charCount(c);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                addWord(features, word);
                features.add(Character.toString(c));
                if (previousHan >= 0) {
                    features.add(Character.toString(previousHan) + Character.toString(c));
                }
                previousHan = c;
            } else {
                previousHan = -1;
                if (Character.isLetterOrDigit(c)) {
                    word.appendCodePoint(c);
                } else {
                    addWord(features, word);
                }
            }
        }
        addWord(features, word);
        return features;
    }

    private static void addWord(List<String> features, StringBuilder word) {
        if (word.length() > 1 && !STOP_WORDS.contains(word.toString())) {
            features.add(stem(word.toString()));
        }
        word.setLength(0);
    }

    private static String stem(String word) {
        if (word.length() > 4 && word.endsWith("ing")) {
            return word.substring(0, word.length() - 3);
        }
        if (word.length() > 3 && word.endsWith("ed")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
