package org.hotline12345.routing.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline12345.contracts.Overdue;
import org.junit.jupiter.api.Test;

class TicketStatusTest {

    @Test
    void runsTheDeadlinesTheSweepChasesAsTheSharedOverdueRuleSays() {
        for (TicketStatus status : TicketStatus.values()) {
            Overdue.Running running = Overdue.Running.in(status.name());

            assertThat(running == Overdue.Running.ACCEPT).as("accept deadline runs in %s", status)
                    .isEqualTo(Transition.CHASE_ACCEPT.allowedFrom(status));
            assertThat(running == Overdue.Running.RESOLVE).as("resolve deadline runs in %s", status)
                    .isEqualTo(TicketStatus.IN_HAND.contains(status));
        }
    }
}
