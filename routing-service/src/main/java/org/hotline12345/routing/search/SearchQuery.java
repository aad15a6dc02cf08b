package org.hotline12345.routing.search;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.hotline12345.platform.problem.FieldCodes;
import org.hotline12345.platform.pii.PhoneNumbers;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.hotline12345.platform.text.HalfWidth;

/**
 * What a supervisor typed in the search box, read as a ticket number ({@code 12345-YYYYMMDD-NNNN}), a phone number
 * (digits with optional +, spaces, dashes or brackets; at least seven digits), or otherwise as words that must each
 * appear in a ticket's description or address. Anything else is refused with the reason.
 */
sealed interface SearchQuery {

    /** The form of intake's ticket numbers, as the public look-up accepts them. */
    Pattern TICKET_NUMBER = Pattern.compile("12345-\\d{8}-\\d{4,6}");
    Pattern PHONE_LIKE = Pattern.compile("\\+?[\\d\\s()\\-]+");
    int MIN_PHONE_DIGITS = 7;
    int MIN_LENGTH = 2;
    int MAX_LENGTH = 100;
    int MAX_WORDS = 5;

    record TicketNumber(String number) implements SearchQuery {
    }

    record Phone(String e164) implements SearchQuery {
    }

    record Words(List<String> words) implements SearchQuery {
    }

    static SearchQuery parse(String raw) {
        String q = raw == null ? "" : HalfWidth.of(raw).strip();
        if (q.length() < MIN_LENGTH || q.length() > MAX_LENGTH) {
            throw new InvalidRequestException("q", FieldCodes.SIZE, "must be " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters");
        }
        if (TICKET_NUMBER.matcher(q).matches()) {
            return new TicketNumber(q);
        }
        if (PHONE_LIKE.matcher(q).matches() && q.chars().filter(Character::isDigit).count() >= MIN_PHONE_DIGITS) {
            return PhoneNumbers.toE164(q).<SearchQuery>map(Phone::new).orElseThrow(() ->
                    new InvalidRequestException("q", FieldCodes.FORMAT, "is neither a whole ticket number "
                            + "(12345-YYYYMMDD-NNNN) nor a mainland phone number"));
        }
        List<String> words = Arrays.stream(q.split("\\s+")).toList();
        if (words.size() > MAX_WORDS) {
            throw new InvalidRequestException("q", FieldCodes.SIZE, "may hold at most " + MAX_WORDS + " words");
        }
        return new Words(words);
    }
}
