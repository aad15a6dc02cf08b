package org.hotline12345.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotline12345.embedded.TokenMinter;
import org.hotline12345.referencedata.City;
import org.hotline12345.referencedata.Unit;

/** The demo users of the embedded run: who signs in to the pages, and the bearer tokens scripts use. */
public final class DemoUsers {

    static final Duration VALIDITY = Duration.ofDays(7);

    private DemoUsers() {
    }

    /**
     * One demo user: the name the pages greet them with, their roles and, for a unit's staff, the unit.
     *
     * @param key how the tokens file names the user ({@code operator}, {@code unit:WATER_CO})
     * @param grid the grid a grid worker works, null for everyone else
     */
    public record Person(String key, String username, String name, List<String> roles, String unit, String grid) {
    }

    /** The grid the demo grid worker works: the one around 云岩区中华北路, where the journeys' calls come from. */
    static final String DEMO_GRID = "YY-04";

    /** The centre's roles first, then one user per unit of the city. */
    public static List<Person> of(City city) {
        List<Person> people = new ArrayList<>(List.of(
                new Person("operator", "operator-01", "话务员 01", List.of("OPERATOR"), null, null),
                new Person("supervisor", "supervisor-01", "督办 01", List.of("SUPERVISOR"), null, null),
                new Person("analyst", "analyst-01", "分析员 01", List.of("ANALYST"), null, null),
                new Person("admin", "admin-01", "管理员 01", List.of("ADMIN"), null, null),
                new Person("knowledge-editor", "knowledge-editor-01", "知识库编辑 01", List.of("KNOWLEDGE_EDITOR"),
                        null, null),
                new Person("grid-worker", "grid-worker-01", "网格员 01", List.of("GRID_WORKER"), null, demoGrid(city)),
                new Person("liaison", "liaison-01", "联户长 01", List.of("LIAISON"), null, demoGrid(city))));
        for (Unit unit : city.units()) {
            people.add(new Person("unit:" + unit.id(), "unit-" + unit.id().toLowerCase(Locale.ROOT), unit.zh(),
                    List.of("UNIT"), unit.id(), null));
        }
        return people;
    }

    private static String demoGrid(City city) {
        return city.grids().stream().anyMatch(g -> g.id().equals(DEMO_GRID)) ? DEMO_GRID : city.grids().get(0).id();
    }

    /** A token per user, by the user's key. */
    public static Map<String, String> tokens(TokenMinter minter, City city) {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (Person person : of(city)) {
            tokens.put(person.key(), minter.mint(person.username(), person.roles(), person.unit(), person.grid(),
                    VALIDITY));
        }
        return tokens;
    }
}
