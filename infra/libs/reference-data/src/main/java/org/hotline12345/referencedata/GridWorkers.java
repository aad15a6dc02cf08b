package org.hotline12345.referencedata;

import java.util.Optional;

/**
 * The worker of a grid (网格员) as a holder of tickets: a rule may lead with the grid's own worker, who settles the
 * matter on the spot (就地化解) or hands it up to a department. Such a ticket is held by {@code GRID:<grid id>}, where
 * a department's ticket is held by the unit's id, so that one workflow serves both.
 */
public final class GridWorkers {

    private static final String PREFIX = "GRID:";

    private GridWorkers() {
    }

    /** Who holds a ticket sent to the worker of {@code gridId}. */
    public static String holderOf(String gridId) {
        return PREFIX + gridId;
    }

    /** The grid whose worker {@code holder} is; empty for a unit. */
    public static Optional<String> gridOf(String holder) {
        return holder != null && holder.startsWith(PREFIX) ? Optional.of(holder.substring(PREFIX.length()))
                : Optional.empty();
    }
}
