package org.hotline12345.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OverdueTest {

    private static final Instant NOW = Instant.parse("2026-11-28T04:00:00Z");
    private static final Instant PAST = NOW.minusSeconds(60);
    private static final Instant FUTURE = NOW.plusSeconds(60);

    @Test
    void holdsAnAssignedTicketToItsAcceptDeadlineAndOneInHandToItsResolveDeadline() {
        assertThat(Overdue.at(Overdue.Running.in("ASSIGNED"), PAST, FUTURE, NOW)).isTrue();
        assertThat(Overdue.at(Overdue.Running.in("ASSIGNED"), FUTURE, FUTURE, NOW)).isFalse();
        for (String inHand : new String[] {"ACCEPTED", "EXTENDED", "REOPENED"}) {
            assertThat(Overdue.at(Overdue.Running.in(inHand), PAST, PAST, NOW)).as(inHand).isTrue();
            assertThat(Overdue.at(Overdue.Running.in(inHand), PAST, FUTURE, NOW)).as(inHand).isFalse();
        }
    }

    @Test
    void neverHoldsATicketNoUnitWorksOnOverdue() {
        for (String status : new String[] {"RECEIVED", "TRIAGE", "REJECTED", "RESOLVED", "LINKED", "CLOSED"}) {
            assertThat(Overdue.Running.in(status)).as(status).isEqualTo(Overdue.Running.NONE);
            assertThat(Overdue.at(Overdue.Running.in(status), PAST, PAST, NOW)).as(status).isFalse();
        }
    }

    @Test
    void countsADeadlineAsPassedOnlyAfterItsInstant() {
        assertThat(Overdue.at(Overdue.Running.ACCEPT, NOW, FUTURE, NOW)).isFalse();
        assertThat(Overdue.at(Overdue.Running.RESOLVE, PAST, null, NOW)).isFalse();
    }
}
