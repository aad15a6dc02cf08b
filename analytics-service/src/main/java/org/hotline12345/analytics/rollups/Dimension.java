package org.hotline12345.analytics.rollups;

import java.util.List;
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
    OPERATOR(Fact::operator),
    /**
     * Each unit that returned the ticket or asked the centre for more time on it: a ticket is in the group of each
     * such unit, and counts there the centre's decisions about that unit alone ({@link Counter}).
     */
    DECISION_UNIT(fact -> null, Fact::decidedUnits),
    /** How the ticket came in ({@code PHONE}, {@code WEB}, ...): each channel's 受理满意度. */
    CHANNEL(Fact::channel),
    /**
     * Each unit given a part of the ticket to support (协办单位), never its lead: a ticket is in the group of each,
     * and counts there that unit's parts alone ({@link Counter}).
     */
    PART_UNIT(fact -> null, Fact::supportingUnits);

    public static final String CITY_GROUP = "ALL";

    private final Function<Fact, String> group;
    private final Function<Fact, List<String>> groups;

    Dimension(Function<Fact, String> group) {
        this(group, fact -> {
            String one = group.apply(fact);
            return one == null ? List.of() : List.of(one);
        });
    }

    Dimension(Function<Fact, String> group, Function<Fact, List<String>> groups) {
        this.group = group;
        this.groups = groups;
    }

    /**
     * The ticket's group in this dimension, or {@code null} when it has none; {@code null} too in
     * {@link #DECISION_UNIT} and {@link #PART_UNIT}, where a ticket can be in several ({@link #groupsOf(Fact)}).
     */
    public String groupOf(Fact fact) {
        return group.apply(fact);
    }

    /**
     * Every group of the ticket in this dimension: none or one, and in {@link #DECISION_UNIT} and {@link #PART_UNIT}
     * one per unit.
     */
    public List<String> groupsOf(Fact fact) {
        return groups.apply(fact);
    }

    /** Whether a ticket counts in each group with what concerns that group's unit alone. */
    boolean countsPerUnit() {
        return this == DECISION_UNIT || this == PART_UNIT;
    }

    /** The name in requests and stored rollups: {@code city}, {@code unit}, ..., {@code hour_category}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Dimension named(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
