package org.hotline12345.intake.knowledge;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline12345.platform.problem.FieldCodes;
import org.hotline12345.platform.problem.FieldError;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.hotline12345.referencedata.City;
import org.hotline12345.referencedata.Category;
import org.hotline12345.referencedata.District;

/** What a draft must hold to be stored: the city's codes, real dates, plain text of bounded length. */
final class ArticleRules {

    static final int QUESTION = 300;
    static final int PHRASING = 200;
    static final int PHRASINGS = 20;
    static final int ANSWER = 4_000;
    static final int BASIS = 300;
    static final int REASON = 1_000;

    private final Set<String> categories;
    private final Set<String> districts;

    ArticleRules(City city) {
        this.categories = city.categories().stream().map(Category::code).collect(Collectors.toSet());
        this.districts = city.districts().stream().map(District::code).collect(Collectors.toSet());
    }

    /** The draft's content; fails naming every bad field. */
    ArticleContent check(ArticleRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String question = text(errors, "question", request.question(), QUESTION, true);
        String answer = text(errors, "answer", request.answer(), ANSWER, true);
        String answerEn = text(errors, "answerEn", request.answerEn(), ANSWER * 2, false);
        String basis = text(errors, "basis", request.basis(), BASIS, false);
        List<String> phrasings = new ArrayList<>();
        List<String> given = request.phrasings() == null ? List.of() : request.phrasings();
        if (given.size() > PHRASINGS) {
            errors.add(new FieldError("phrasings", FieldCodes.SIZE, "at most " + PHRASINGS + " phrasings"));
        }
        for (String phrasing : given) {
            String checked = text(errors, "phrasings", phrasing, PHRASING, true);
            if (checked != null && !phrasings.contains(checked)) {
                phrasings.add(checked);
            }
        }
        String category = request.category() == null ? null : request.category().strip();
        if (category == null || category.isEmpty()) {
            errors.add(new FieldError("category", FieldCodes.REQUIRED, "is required"));
        } else if (!categories.contains(category)) {
            errors.add(new FieldError("category", FieldCodes.UNKNOWN, "is not a category of the city"));
        }
        List<String> reach = request.districts() == null ? List.of() : request.districts();
        for (String district : reach) {
            if (district == null || !districts.contains(district)) {
                errors.add(new FieldError("districts", FieldCodes.UNKNOWN, "names a district the city does not have"));
            }
        }
        LocalDate from = date(errors, "validFrom", request.validFrom(), true);
        LocalDate until = date(errors, "validUntil", request.validUntil(), false);
        if (from != null && until != null && until.isBefore(from)) {
            errors.add(new FieldError("validUntil", FieldCodes.RANGE, "is before validFrom"));
        }
        if (!errors.isEmpty()) {
            throw InvalidRequestException.of(errors);
        }
        return new ArticleContent(question, phrasings, answer, answerEn, category, reach.stream().distinct().toList(),
                basis, from.toString(), until == null ? null : until.toString());
    }

    /** The reason an editor gives; fails unless it is plain text of bounded length, and present when required. */
    static String reason(String reason, boolean required) {
        List<FieldError> errors = new ArrayList<>();
        String checked = text(errors, "reason", reason, REASON, required);
        if (!errors.isEmpty()) {
            throw InvalidRequestException.of(errors);
        }
        return checked;
    }

    /** The note of an operator's flag on an article, required: what is wrong or outdated in it. */
    static String note(String note) {
        List<FieldError> errors = new ArrayList<>();
        String checked = text(errors, "note", note, REASON, true);
        if (!errors.isEmpty()) {
            throw InvalidRequestException.of(errors);
        }
        return checked;
    }

    private static String text(List<FieldError> errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, FieldCodes.REQUIRED, "is required"));
            }
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            errors.add(new FieldError(field, FieldCodes.SIZE, "is longer than " + max + " characters"));
            return null;
        }
        if (!plain(text)) {
            errors.add(new FieldError(field, FieldCodes.FORMAT, "holds control characters or broken characters"));
            return null;
        }
        return text;
    }

    /** No control characters but line breaks and tabs, and no half of a surrogate pair (which storage refuses). */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || (Character.isISOControl(c) && c != '\n' && c != '\t')
                    || c == '\u202E' || c == '\u202D') {
                return false;
            }
        }
        return true;
    }

    private static LocalDate date(List<FieldError> errors, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, FieldCodes.REQUIRED, "is required"));
            }
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < 2000 || date.getYear() > 2200) {
                errors.add(new FieldError(field, FieldCodes.RANGE, "is not a plausible date"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, FieldCodes.FORMAT, "is not a date such as 2026-01-31"));
            return null;
        }
    }
}
