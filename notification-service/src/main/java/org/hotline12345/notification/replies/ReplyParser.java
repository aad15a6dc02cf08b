package org.hotline12345.notification.replies;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline12345.contracts.Satisfaction;

/**
 * Reads a reply to the satisfaction question the way a person would: the digit asked for (1 satisfied, 2 basically
 * satisfied, 3 dissatisfied, 0 not solved) with noise around it, or the words for it in Chinese or English; TD,
 * STOP or 退订 to stop all texts. Anything that says two different things, or nothing, is unclear.
 */
public final class ReplyParser {

    private static final Set<String> OPT_OUT = Set.of("td", "t", "stop", "unsubscribe", "退订", "取消");
    private static final Pattern LONE_DIGIT = Pattern.compile("(?<![0-9])([0-9])(?![0-9])");
    private static final Pattern NOT_SOLVED = Pattern.compile(
            "未解决|没解决|没有解决|沒解決|不解决|还没解决|未处理|没处理|没有处理|not solved|unsolved|not fixed|unresolved"
                    + "|not resolved|still (broken|there|not)|nothing (was )?done");
    private static final Pattern DISSATISFIED = Pattern.compile(
            "不满意|很不满意|非常不满意|不滿意|差评|太差|dissatisfied|unsatisfied|not satisfied|unhappy|not happy|not good|bad"
                    + "|terrible");
    private static final Pattern BASICALLY = Pattern.compile("基本满意|还行|还可以|一般|basically|so-so|ok(ay)?\\b|fair");
    private static final Pattern SATISFIED = Pattern.compile("满意|滿意|好评|非常好|很好|satisfied|happy|great|good");
    private static final Pattern SOLVED = Pattern.compile("已解决|解决了|已处理|处理了|solved|fixed|resolved|done");

    private ReplyParser() {
    }

    public static Reply parse(String text) {
        if (text == null) {
            return Reply.UNCLEAR;
        }
        String reply = normalise(text);
        if (reply.isEmpty()) {
            return Reply.UNCLEAR;
        }
        if (OPT_OUT.contains(reply.replaceAll("[\\p{Punct}\\s。！，]", ""))) {
            return Reply.OPT_OUT;
        }
        Reply byDigit = byDigit(reply);
        Reply byWords = byWords(reply);
        if (byDigit != null && byWords != null && !agree(byDigit, byWords)) {
            return Reply.UNCLEAR;
        }
        if (byDigit != null) {
            return byDigit;
        }
        return byWords != null ? byWords : Reply.UNCLEAR;
    }

    private static Reply byDigit(String reply) {
        Matcher digits = LONE_DIGIT.matcher(reply);
        Character chosen = null;
        while (digits.find()) {
            char digit = digits.group(1).charAt(0);
            if (chosen != null && chosen != digit) {
                return Reply.UNCLEAR;
            }
            chosen = digit;
        }
        if (chosen == null) {
            return null;
        }
        return switch (chosen) {
            case '1' -> Reply.rating(true, Satisfaction.SATISFIED);
            case '2' -> Reply.rating(true, Satisfaction.BASICALLY_SATISFIED);
            case '3' -> Reply.rating(true, Satisfaction.DISSATISFIED);
            case '0' -> Reply.rating(false, Satisfaction.DISSATISFIED);
            default -> Reply.UNCLEAR;
        };
    }

    private static Reply byWords(String reply) {
        boolean notSolved = NOT_SOLVED.matcher(reply).find();
        String rest = NOT_SOLVED.matcher(reply).replaceAll(" ");
        boolean dissatisfied = DISSATISFIED.matcher(rest).find();
        rest = DISSATISFIED.matcher(rest).replaceAll(" ");
        boolean basically = BASICALLY.matcher(rest).find();
        rest = BASICALLY.matcher(rest).replaceAll(" ");
        boolean satisfied = SATISFIED.matcher(rest).find();
        boolean solved = SOLVED.matcher(rest).find();
        int moods = (dissatisfied ? 1 : 0) + (basically ? 1 : 0) + (satisfied ? 1 : 0);
        if (moods > 1 && !(satisfied && basically && !dissatisfied)) {
            return Reply.UNCLEAR;
        }
        if (notSolved) {
            return satisfied || basically ? Reply.UNCLEAR : Reply.rating(false, Satisfaction.DISSATISFIED);
        }
        if (dissatisfied) {
            return Reply.rating(true, Satisfaction.DISSATISFIED);
        }
        if (basically) {
            return Reply.rating(true, Satisfaction.BASICALLY_SATISFIED);
        }
        if (satisfied || solved) {
            return Reply.rating(true, Satisfaction.SATISFIED);
        }
        return null;
    }

    private static boolean agree(Reply a, Reply b) {
        return a.kind() == b.kind() && a.solved() == b.solved() && a.satisfaction() == b.satisfaction();
    }

    /** Lower case, full-width digits and letters made half-width, white space collapsed. */
    static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                c = ' ';
            }
            out.append(c);
        }
        return out.toString().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }
}
