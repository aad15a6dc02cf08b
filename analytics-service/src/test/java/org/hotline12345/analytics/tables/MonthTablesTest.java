package org.hotline12345.analytics.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.hotline12345.referencedata.City;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The months a table per unit and month of receipt answers for, and its CSV: the city's rows before the units'.
 */
class MonthTablesTest {

    /** Past midnight in the city (UTC+8) on the 1st of December, still the 30th of November in UTC. */
    private static final CityCalendar CALENDAR = new CityCalendar(
            Clock.fixed(Instant.parse("2026-11-30T17:00:00Z"), ZoneOffset.UTC), City.sample());

    @Test
    void answersForThisMonthOfTheCitySoFarWhenNoDaysAreAsked() {
        assertThat(MonthTables.asked(null, null, CALENDAR))
                .isEqualTo(new DayRange(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-01")));
    }

    @Test
    void answersFromTheFirstOfTheLastDaysMonthWhenOnlyTheLastDayIsAsked() {
        assertThat(MonthTables.asked(null, LocalDate.parse("2026-03-17"), CALENDAR))
                .isEqualTo(new DayRange(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-17")));
    }

    @Test
    void refusesMoreThanAYearOrAnEndBeforeTheStart() {
        assertThat(MonthTables.asked(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-01"), CALENDAR).to())
                .isEqualTo(LocalDate.parse("2026-01-01"));
        assertThatThrownBy(() -> MonthTables.asked(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-03"),
                CALENDAR)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> MonthTables.asked(LocalDate.parse("2026-03-31"), LocalDate.parse("2026-03-01"),
                CALENDAR)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void listsTheCitysRowsBeforeTheUnitsInTheCsvAndGivesTheWholeReportAsJson() {
        Object report = new Object();
        List<String> city = List.of("city-2026-03");
        List<String> units = List.of("POLICE-2026-03", "WATER_CO-2026-03");

        ResponseEntity<?> csv = MonthTables.respond(report, city, units, Csv.TEXT_CSV, "row", row -> List.of(row));
        ResponseEntity<?> json = MonthTables.respond(report, city, units, MediaType.APPLICATION_JSON_VALUE, "row",
                row -> List.of(row));

        assertThat(csv.getBody()).isEqualTo("row\ncity-2026-03\nPOLICE-2026-03\nWATER_CO-2026-03\n");
        assertThat(json.getBody()).isSameAs(report);
    }
}
