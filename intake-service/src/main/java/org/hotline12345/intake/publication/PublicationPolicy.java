package org.hotline12345.intake.publication;

import java.util.regex.Pattern;
import org.hotline12345.contracts.Channel;

/**
 * What anyone may see of a ticket, without signing in (Open311 reads, and anything public to come).
 * <ul>
 * <li>Only a ticket reported through a public channel (the website's form, Open311) whose reporter agreed to its
 * publication is shown; phone calls and grid workers' reports never are. Any other ticket is unknown to the public,
 * answered exactly as a ticket that does not exist.</li>
 * <li>Its point is rounded to about 100 m and its address dropped: a complaint about a neighbour must not lead to
 * the caller's door.</li>
 * <li>No contact data, ever; digit runs long enough to be a phone or identity number are masked in the
 * description.</li>
 * <li>The unit's reply is shown only when the unit marked it public; the ticket it is linked to is not named.</li>
 * </ul>
 */
public final class PublicationPolicy {

    /** Three decimals of a degree: 111 m north to south, about 100 m east to west at the city's latitude. */
    private static final double GRID = 1_000.0;
    private static final Pattern LONG_NUMBERS = Pattern.compile("\\d[\\d\\s-]{5,}\\d");

    private PublicationPolicy() {
    }

    /** Whether a ticket from {@code channel} whose reporter said {@code reporterAgreed} may be shown at all. */
    public static boolean mayPublish(String channel, boolean reporterAgreed) {
        return reporterAgreed && channel != null && Channel.valueOf(channel).isPublic();
    }

    /** A latitude or longitude rounded to about 100 m. */
    public static Double coarse(Double degrees) {
        return degrees == null ? null : Math.round(degrees * GRID) / GRID;
    }

    /** The description with phone and identity numbers masked. */
    public static String description(String description) {
        return description == null ? null : LONG_NUMBERS.matcher(description).replaceAll("***");
    }

    /** The reply, if the unit made it public. */
    public static String reply(String reply, boolean unitMadeItPublic) {
        return unitMadeItPublic ? reply : null;
    }
}
