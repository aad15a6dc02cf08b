package org.hotline12345.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void stepsThroughRatesWhenNoBurstIsAsked() {
        LoadOptions options = LoadOptions.parse(new String[] {"--rates=20,30", "--warmup=60", "--preload=100"});

        assertThat(options.bursts()).isFalse();
        assertThat(options.rates()).containsExactly(20, 30);
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.label()).isEqualTo("End to end, open loop: stepped rates, 100 tickets preloaded");
    }

    @Test
    void runsOneBurstOf32ClientsByDefault() {
        LoadOptions options = LoadOptions.parse(new String[] {"--burst=60"});

        assertThat(options.bursts()).isTrue();
        assertThat(options.burst()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.clients()).isEqualTo(32);
        assertThat(options.runs()).isEqualTo(1);
        assertThat(options.label()).isEqualTo("End to end: 32 clients, 60 s burst, 0 tickets preloaded");
    }

    @Test
    void warmsTheHubUpForFiveMinutesBeforeMeasuringUnlessToldOtherwise() {
        assertThat(LoadOptions.parse(new String[] {"--burst=60"}).warmup()).isEqualTo(Duration.ofMinutes(5));
        assertThat(LoadOptions.parse(new String[] {"--burst=60", "--warmup=0"}).warmup()).isZero();
        assertThat(LoadOptions.parse(new String[] {"--rates=20"}).warmup()).isEqualTo(Duration.ofMinutes(5));
        assertThat(LoadOptions.parse(new String[] {}).step()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void takesClientsRunsAndPreloadWithABurst() {
        LoadOptions options = LoadOptions.parse(new String[] {"--burst=30", "--clients=8", "--runs=3",
                "--preload=1000"});

        assertThat(options.clients()).isEqualTo(8);
        assertThat(options.runs()).isEqualTo(3);
        assertThat(options.preload()).isEqualTo(1000);
        assertThat(options.label()).isEqualTo("End to end: 8 clients, 30 s burst × 3, 1000 tickets preloaded");
    }

    @Test
    void holdsOnlyTheServicesBehindIntakeAndOnlyInBursts() {
        assertThat(LoadOptions.parse(new String[] {"--burst=30", "--hold=routing, notification,analytics"}).held())
                .containsExactly("routing", "notification", "analytics");
        assertThat(LoadOptions.parse(new String[] {"--burst=30"}).held()).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(new String[] {"--burst=30",
                "--hold=intake"})).withMessageContaining("not intake");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(new String[] {"--rates=20",
                "--hold=routing"})).withMessageContaining("--hold needs --burst");
    }

    @Test
    void refusesUnknownOptionsAndCountsBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(new String[] {"--bursts=60"}))
                .withMessageContaining("--bursts");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(new String[] {"--burst"}));
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(new String[] {"--burst=0"}));
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(new String[] {"--burst=10",
                "--clients=0"}));
    }
}
