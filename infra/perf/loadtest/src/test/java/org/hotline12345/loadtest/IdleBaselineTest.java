package org.hotline12345.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdleBaselineTest {

    @Test
    void waitsOutAFreshStackStillCompilingInsteadOfTakingItsFirstQuietMeasurementAsIdle() {
        Deque<Map<String, Double>> measurements = new ArrayDeque<>(List.of(
                cores(0.10, 0.20), cores(0.06, 0.14), cores(0.026, 0.12), cores(0.025, 0.118), cores(0.3, 0.3)));

        Map<String, Double> idle = IdleBaseline.settled(measurements::removeFirst, () -> true);

        assertThat(idle).isEqualTo(cores(0.025, 0.118));
        assertThat(measurements).hasSize(1);
    }

    @Test
    void keepsEachProcesssLowerFigureOfTwoMeasurementsThatAgree() {
        Deque<Map<String, Double>> measurements = new ArrayDeque<>(List.of(cores(0.03, 0.125), cores(0.031, 0.12)));

        assertThat(IdleBaseline.settled(measurements::removeFirst, () -> true)).isEqualTo(cores(0.03, 0.12));
    }

    @Test
    void takesAQuietProcessMovingByLessThanAHundredthOfACoreAsSettled() {
        Deque<Map<String, Double>> measurements = new ArrayDeque<>(List.of(cores(0.022, 0.075), cores(0.013, 0.07)));

        assertThat(IdleBaseline.settled(measurements::removeFirst, () -> true)).isEqualTo(cores(0.013, 0.07));
        assertThat(measurements).isEmpty();
    }

    @Test
    void measuresAgainWhileOneProcessStillFallsThoughTheWholeDoesNot() {
        Deque<Map<String, Double>> measurements = new ArrayDeque<>(List.of(
                cores(0.096, 0.203), cores(0.062, 0.208), cores(0.026, 0.21), cores(0.027, 0.205)));

        assertThat(IdleBaseline.settled(measurements::removeFirst, () -> true)).isEqualTo(cores(0.026, 0.205));
    }

    @Test
    void measuresAgainWhileTheHubWorksThroughAPreloadEvenIfItHoldsSteady() {
        Deque<Map<String, Double>> measurements = new ArrayDeque<>(List.of(
                cores(0.5, 0.9), cores(0.5, 0.9), cores(0.03, 0.15), cores(0.03, 0.15)));

        assertThat(IdleBaseline.settled(measurements::removeFirst, () -> true)).isEqualTo(cores(0.03, 0.15));
    }

    @Test
    void givesTheLastMeasurementWhenTimeRunsOutAndSaysItIsBusy() {
        Deque<Map<String, Double>> measurements = new ArrayDeque<>(List.of(cores(0.5, 0.9), cores(0.4, 0.8)));
        int[] asked = {0};

        Map<String, Double> idle = IdleBaseline.settled(measurements::removeFirst, () -> asked[0]++ < 1);

        assertThat(idle).isEqualTo(cores(0.4, 0.8));
        assertThat(IdleBaseline.busy(idle)).isTrue();
    }

    private static Map<String, Double> cores(double intake, double everyOther) {
        return Map.of("intake", intake, "devstack", everyOther);
    }
}
