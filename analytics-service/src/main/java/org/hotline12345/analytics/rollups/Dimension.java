package org.hotline12345.analytics.rollups;

import java.util.Locale;
import java.util.function.Function;
import org.hotline12345.analytics.facts.Fact;

/** What rollups group tickets by; a ticket without a group in a dimension is not counted in it. */
public enum Dimension {

    /** The whole city, one group {@link #CITY_GROUP}. */
    CITY(fact -> Dimension.CITY_GROUP),
    /** The unit that holds the ticket now. */
    UNIT(Fact::unitId),
    /** The grid routing assigned the ticket in. */
    GRID(Fact::gridId),
    DISTRICT(Fact::district),
    CATEGORY(Fact::category),
    /** The city's hour of receipt with the category, {@code 08|NOISE}: volume by hour of the day. */
    HOUR_CATEGORY(fact -> fact.receivedHour() == null || fact.category() == null ? null
            : fact.receivedHour() + "|" + fact.category()),
    /**
     * The knowledge article a call answered on the spot was answered with (直办): the tickets each article
     * answered, and with the city's count the share of calls answered from the knowledge base.
     */
    ARTICLE(Fact::answeredFromArticle),
    /** The operator who registered the call at the console: each operator's 直办率. */
    OPERATOR(Fact::operator);

    public static final String CITY_GROUP = "ALL";

    private final Function<Fact, String> group;

    Dimension(Function<Fact, String> group) {
        this.group = group;
    }

    /** The ticket's group in this dimension, or {@code null} when it has none. */
    public String groupOf(Fact fact) {
        return group.apply(fact);
    }

    /** The name in requests and stored rollups: {@code city}, {@code unit}, ..., {@code hour_category}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Dimension named(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
