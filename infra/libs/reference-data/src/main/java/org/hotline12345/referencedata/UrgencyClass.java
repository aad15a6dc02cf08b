package org.hotline12345.referencedata;

import java.time.Duration;
import java.util.Optional;

/**
 * An urgency class (诉求分类时限) of the city's folder ({@code city.json}, {@code "urgencyClasses"}): how soon a unit
 * must sign for a ticket of a category in it ({@code dispatchWithin}), how soon it must answer it
 * ({@code answerWithin}), and how long before either deadline the desk and the workbench warn that it is about to
 * pass ({@code warnWithin}). A class may let the answer limit grow to {@code longestAnswer} after dispatch, each
 * extension past {@code answerWithin} with the centre's approval (复杂疑难诉求); without it the city's
 * {@link ExtensionAllowance} alone decides.
 *
 * @param longestAnswer the furthest after dispatch an extension may carry the answer deadline, or {@code null}
 */
public record UrgencyClass(String code, String zh, String en, Duration dispatchWithin, Duration answerWithin,
        Duration warnWithin, Duration longestAnswer) {

    public UrgencyClass {
        if (dispatchWithin.isNegative() || dispatchWithin.isZero() || answerWithin.compareTo(dispatchWithin) < 0
                || warnWithin.isNegative() || warnWithin.compareTo(dispatchWithin) >= 0
                || longestAnswer != null && longestAnswer.compareTo(answerWithin) < 0) {
            throw new IllegalArgumentException("an urgency class answers no sooner than it dispatches, warns within "
                    + "the time to dispatch, and extends no shorter than it answers: " + code);
        }
    }

    /** The class's name in {@code language} ({@code zh} unless {@code en}). */
    public String name(String language) {
        return "en".equals(language) ? en : zh;
    }

    /** The answer limit an extension may reach with the centre's approval, where the class sets one. */
    public Optional<Duration> extendableTo() {
        return Optional.ofNullable(longestAnswer);
    }
}
