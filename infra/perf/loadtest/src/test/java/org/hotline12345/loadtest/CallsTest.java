package org.hotline12345.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallsTest {

    @Test
    void givesEveryCallOfDistinctCallersANumberOfItsOwn() {
        Calls calls = Calls.distinctCallers(7, Calls.DISTINCT_NUMBERS - 2);
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            numbers.add(OpenLoop.field(calls.next(), "callerPhone"));
        }

        assertThat(numbers).hasSize(500).allMatch(number -> number.matches("15\\d{9}"));
        assertThat(numbers).contains("15999999998", "15999999999", "15000000000");
        assertThat(Calls.distinctNumber(42)).isEqualTo("15000000042");
    }

    @Test
    void placesEveryDistinctCallOnACellOfItsOwnFartherApartThanAnIncidentReaches() {
        Calls calls = Calls.distinctCallers(7, 0);
        int cells = Calls.LATTICE_SIDE * Calls.LATTICE_SIDE;
        Set<String> places = new HashSet<>();
        double nearest = Double.MAX_VALUE;
        double[] previous = null;
        for (int n = 0; n < cells; n++) {
            double[] point = calls.latticeCell(n);
            places.add(Math.round(point[0] * 1e5) + "," + Math.round(point[1] * 1e5));
            if (previous != null) {
                nearest = Math.min(nearest, metres(previous, point));
            }
            previous = point;
        }

        assertThat(places).as("no cell used twice before all were used").hasSize(cells);
        assertThat(nearest).as("consecutive calls far apart").isGreaterThan(200);
        assertThat(metres(calls.latticeCell(0), calls.latticeCell(1))).isGreaterThan(200);
    }

    private static double metres(double[] a, double[] b) {
        double dLat = Math.toRadians(b[1] - a[1]);
        double dLon = Math.toRadians(b[0] - a[0]) * Math.cos(Math.toRadians(a[1]));
        return 6_371_000 * Math.sqrt(dLat * dLat + dLon * dLon);
    }
}
