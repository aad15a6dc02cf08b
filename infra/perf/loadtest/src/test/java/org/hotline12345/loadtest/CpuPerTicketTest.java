package org.hotline12345.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuPerTicketTest {

    @Test
    void takesTheIdleRateOverTheIntervalOffBeforeDividingByTheTickets() {
        // 12 s of CPU over 60 s, of which 0.05 cores idle = 3 s: 9 s for 1,000 tickets
        Map<String, Double> millis = CpuPerTicket.millis(Map.of("routing-service", 100.0),
                Map.of("routing-service", 112.0), Map.of("routing-service", 0.05), Duration.ofSeconds(60), 1_000);

        assertThat(millis.get("routing-service")).isCloseTo(9.0, within(1e-9));
    }

    @Test
    void takesAProcessWithoutAnIdleRateAsIdleAtZero() {
        Map<String, Double> millis = CpuPerTicket.millis(Map.of(CpuPerTicket.LOAD_GENERATOR, 1.0),
                Map.of(CpuPerTicket.LOAD_GENERATOR, 3.0), Map.of(), Duration.ofSeconds(10), 500);

        assertThat(millis.get(CpuPerTicket.LOAD_GENERATOR)).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void leavesOutProcessesNotReadBothTimesAndGivesNothingWithoutTickets() {
        assertThat(CpuPerTicket.millis(Map.of(), Map.of("devstack", 5.0), Map.of(), Duration.ofSeconds(1), 10))
                .isEmpty();
        assertThat(CpuPerTicket.millis(Map.of("devstack", 1.0), Map.of("devstack", 5.0), Map.of(),
                Duration.ofSeconds(1), 0)).isEmpty();
    }

    @Test
    void measuresIdleRatesInCoresOverTheInterval() {
        Map<String, Double> rates = CpuPerTicket.perSecond(Map.of("intake-service", 10.0, "devstack", 20.0),
                Map.of("intake-service", 10.5, "devstack", 22.0), Duration.ofSeconds(10));

        assertThat(rates).containsOnlyKeys("intake-service", "devstack");
        assertThat(rates.get("intake-service")).isCloseTo(0.05, within(1e-9));
        assertThat(rates.get("devstack")).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void sumsTheFourServicesAndNotTheBrokerOrTheLoadGenerator() {
        Map<String, Double> millis = Map.of("intake-service", 10.0, "routing-service", 5.0,
                "notification-service", 3.0, "analytics-service", 2.0, "devstack", 100.0,
                CpuPerTicket.LOAD_GENERATOR, 50.0);

        assertThat(CpuPerTicket.services(millis)).isCloseTo(20.0, within(1e-9));
        assertThat(CpuPerTicket.services(Map.of("intake-service", 10.0))).isNaN();
    }
}
