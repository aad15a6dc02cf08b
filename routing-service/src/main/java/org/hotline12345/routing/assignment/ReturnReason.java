package org.hotline12345.routing.assignment;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Why a unit returns a ticket (退单), as the centre's review counts returns. Pages and clients written before these
 * codes send their older ones, which name the same reasons and are read as them.
 */
public enum ReturnReason {
    /** The matter is not among the unit's duties. */
    NOT_OUR_DUTY,
    /** The place lies outside the unit's area. */
    WRONG_PLACE,
    /** Another unit, or one with more powers, must act. */
    NEEDS_OTHER_UNIT,
    /** The same matter is already handled under another ticket. */
    DUPLICATE,
    /** Anything else; the reason's text says what. */
    OTHER;

    private static final Map<String, ReturnReason> EARLIER_CODES = Map.of(
            "NOT_OURS", NOT_OUR_DUTY,
            "NOT_OUR_BUSINESS", NOT_OUR_DUTY,
            "OUTSIDE_AREA", WRONG_PLACE,
            // a grid's worker hands up what the grid cannot settle
            "HANDED_UP", NEEDS_OTHER_UNIT,
            "NOT_ACTIONABLE", OTHER);

    /** The reason a code names, this enum's or an earlier one; empty for any other. */
    public static Optional<ReturnReason> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(reason -> reason.name().equals(code)).findFirst()
                .or(() -> Optional.ofNullable(EARLIER_CODES.get(code)));
    }
}
