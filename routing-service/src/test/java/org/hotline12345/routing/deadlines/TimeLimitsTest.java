package org.hotline12345.routing.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.hotline12345.contracts.Priority;
import org.hotline12345.referencedata.City;
import org.junit.jupiter.api.Test;

class TimeLimitsTest {

    private final TimeLimits limits = TimeLimits.defaults().withClasses(City.sample().urgencyClasses());

    @Test
    void givesATicketOfAClassTheClasssLimitsWhateverItsPriority() {
        TimeLimits.Terms emergency = limits.terms("EMERGENCY", Priority.NORMAL);
        assertThat(emergency.urgencyClass()).isEqualTo("EMERGENCY");
        assertThat(emergency.accept()).isEqualTo(Duration.ofHours(1));
        assertThat(emergency.resolve()).isEqualTo(Duration.ofHours(2));
        assertThat(emergency.warning()).isEqualTo(Duration.ofMinutes(30));
        assertThat(emergency.longestResolve()).isNull();

        TimeLimits.Terms utilities = limits.terms("UTILITIES", Priority.HIGH);
        assertThat(utilities.accept()).isEqualTo(Duration.ofHours(2));
        assertThat(utilities.resolve()).isEqualTo(Duration.ofHours(24));

        TimeLimits.Terms general = limits.terms("GENERAL", Priority.CONSULTATION);
        assertThat(general.accept()).isEqualTo(Duration.ofHours(24));
        assertThat(general.resolve()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void letsAComplexTicketRunToFifteenDaysOnlyByExtension() {
        TimeLimits.Terms complex = limits.terms("COMPLEX", Priority.NORMAL);

        assertThat(complex.resolve()).isEqualTo(Duration.ofDays(7));
        assertThat(complex.longestResolve()).isEqualTo(Duration.ofDays(15));
    }

    @Test
    void neverGivesATicketMarkedUrgentLongerThanTheUrgentLimits() {
        TimeLimits.Terms urgentButGeneral = limits.terms("GENERAL", Priority.URGENT);
        assertThat(urgentButGeneral.accept()).isEqualTo(Duration.ofHours(2));
        assertThat(urgentButGeneral.resolve()).isEqualTo(Duration.ofHours(24));
        assertThat(urgentButGeneral.warning()).isEqualTo(Duration.ofHours(12));

        // the emergency class is stricter still, and stays so
        assertThat(limits.terms("EMERGENCY", Priority.URGENT).resolve()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void keepsThePrioritysLimitsForATicketWithoutAClassOrOfAClassTheCityNoLongerHas() {
        for (String none : new String[] {null, "RETIRED"}) {
            TimeLimits.Terms terms = limits.terms(none, Priority.HIGH);
            assertThat(terms.urgencyClass()).isNull();
            assertThat(terms.accept()).isEqualTo(Duration.ofHours(12));
            assertThat(terms.resolve()).isEqualTo(Duration.ofDays(3));
            assertThat(terms.warning()).as("warned when the unit is reminded").isNull();
        }
    }
}
