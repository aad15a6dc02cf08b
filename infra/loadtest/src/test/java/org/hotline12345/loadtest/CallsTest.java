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
    }

    @Test
    void keepsDistinctCallersApartFromTheRandomPool() {
        assertThat(OpenLoop.field(new Calls(7).next(), "callerPhone")).matches("13[5-9]\\d{8}");
        assertThat(Calls.distinctNumber(42)).isEqualTo("15000000042");
    }
}
