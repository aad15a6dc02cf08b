package org.hotline12345.devstack;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline12345.embedded.TokenMinter;
import org.hotline12345.referencedata.City;
import org.hotline12345.referencedata.Unit;

/** The demo users of the embedded run and their bearer tokens. */
public final class DemoUsers {

    static final Duration VALIDITY = Duration.ofDays(7);

    private DemoUsers() {
    }

    /** Tokens by user: the centre's roles first, then one user per unit, keyed {@code unit:<UNIT_ID>}. */
    public static Map<String, String> tokens(TokenMinter minter, City city) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("operator", minter.mint("operator-01", List.of("OPERATOR"), null, VALIDITY));
        tokens.put("supervisor", minter.mint("supervisor-01", List.of("SUPERVISOR"), null, VALIDITY));
        tokens.put("analyst", minter.mint("analyst-01", List.of("ANALYST"), null, VALIDITY));
        tokens.put("admin", minter.mint("admin-01", List.of("ADMIN"), null, VALIDITY));
        tokens.put("grid-worker", minter.mint("grid-worker-01", List.of("GRID_WORKER"), null, VALIDITY));
        for (Unit unit : city.units()) {
            tokens.put("unit:" + unit.id(), minter.mint("unit-" + unit.id().toLowerCase(java.util.Locale.ROOT),
                    List.of("UNIT"), unit.id(), VALIDITY));
        }
        return tokens;
    }
}
