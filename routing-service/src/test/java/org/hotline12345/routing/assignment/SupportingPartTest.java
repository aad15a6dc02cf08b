package org.hotline12345.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.Priority;
import org.hotline12345.contracts.ResolutionResult;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.platform.messaging.OutgoingEvent;
import org.hotline12345.platform.problem.IllegalTransitionException;
import org.hotline12345.routing.assignment.RoutedTicket.Part;
import org.hotline12345.routing.assignment.RoutedTicket.PartState;
import org.hotline12345.routing.deadlines.TimeLimits;
import org.hotline12345.routing.rules.RoutingDecision;
import org.junit.jupiter.api.Test;

/** Lead and supporting units (主办/协办) on one ticket: each part's deadlines, its states, and the lead's resolution. */
class SupportingPartTest {

    static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");
    static final Duration WEEK = Duration.ofDays(7);

    /** The part is due when the lead's deadline starts to warn: the class's window (an hour for utilities) before. */
    @Test
    void dueTheClasssWarningWindowBeforeTheLeadsDeadline() {
        RoutedTicket ticket = gasLeak(List.of("POLICE"));

        assertThat(ticket.currentParts()).singleElement().satisfies(part -> {
            assertThat(part.state()).isEqualTo(PartState.ASSIGNED);
            assertThat(part.acceptBy()).isEqualTo(T0.plus(Duration.ofHours(2)));
            assertThat(part.dueBy()).isEqualTo(T0.plus(Duration.ofHours(23)));
        });
        assertThat(ticket.getPartsDueBy()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(types(ticket)).containsExactly("TicketAssigned", "PartAssigned");
    }

    /** Under a priority's limits, with no warning window, the part is due when the lead is reminded (80 %). */
    @Test
    void dueWhenTheLeadIsRemindedUnderAPrioritysLimits() {
        RoutedTicket ticket = RoutedTicket.from(received("NOISE"), null);
        ticket.assign(new RoutingDecision("noise", 1, "URBAN_MGMT", List.of("POLICE"), Priority.NORMAL, List.of()),
                "城管", T0, new Dispatcher.Deadlines(T0.plus(Duration.ofHours(24)), T0.plus(WEEK)), "sup-1");

        Part part = ticket.currentParts().get(0);
        assertThat(part.dueBy()).isEqualTo(T0.plus(Duration.ofMillis((long) (WEEK.toMillis() * 0.8))));
        assertThat(part.assignedBy()).isEqualTo("sup-1");
    }

    @Test
    void neverMakesTheLeadASupportingUnitOrOneUnitTwice() {
        RoutedTicket ticket = gasLeak(List.of("POLICE", "GAS_CO", "POLICE"));

        assertThat(ticket.getCoUnitIds()).containsExactly("POLICE");
        assertThat(ticket.currentParts()).extracting(Part::unitId).containsExactly("POLICE");
    }

    @Test
    void letsTheLeadResolveOnlyOnceEachPartIsInOrWaived() {
        RoutedTicket ticket = gasLeak(List.of("POLICE", "HOUSING"));
        ticket.accept(T0);

        assertThatThrownBy(() -> resolve(ticket)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("POLICE").hasMessageContaining("HOUSING");
        ticket.acceptPart("POLICE", T0.plus(Duration.ofHours(1)));
        ticket.answerPart("POLICE", "已设置警戒", T0.plus(Duration.ofHours(3)));
        assertThatThrownBy(() -> resolve(ticket)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("HOUSING").hasMessageNotContaining("POLICE,");
        ticket.waivePart("HOUSING", "无需住建协办", "sup-1", T0.plus(Duration.ofHours(4)));

        resolve(ticket);

        assertThat(ticket.getPartsDueBy()).isNull();
        assertThat(types(ticket)).containsExactly("TicketAssigned", "PartAssigned", "PartAssigned", "TicketAccepted",
                "PartAccepted", "PartAnswered", "PartWaived", "TicketResolved");
        assertThat(ticket.getOutbox().get(5).payload()).contains("\"onTime\":true");
        // the housing part was not signed for by its accept deadline, two hours after dispatch
        assertThat(ticket.getOutbox().get(6).payload()).contains("\"overdue\":true")
                .contains("\"partState\":\"ASSIGNED\"");
    }

    @Test
    void answersOnlyAPartSignedForAndWaivesOnlyAnOpenOne() {
        RoutedTicket ticket = gasLeak(List.of("POLICE"));

        assertThatThrownBy(() -> ticket.answerPart("POLICE", "x", T0)).isInstanceOf(IllegalTransitionException.class)
                .satisfies(e -> assertThat(((IllegalTransitionException) e).currentState()).isEqualTo("ASSIGNED"));
        assertThatThrownBy(() -> ticket.acceptPart("WATER_CO", T0)).isInstanceOf(IllegalTransitionException.class);
        ticket.acceptPart("POLICE", T0);
        assertThatThrownBy(() -> ticket.acceptPart("POLICE", T0)).isInstanceOf(IllegalTransitionException.class);
        ticket.answerPart("POLICE", "已设置警戒", T0.plus(Duration.ofHours(24)));

        assertThat(ticket.getOutbox().get(3).payload()).contains("\"onTime\":false");
        assertThatThrownBy(() -> ticket.waivePart("POLICE", "x", "sup-1", T0))
                .isInstanceOf(IllegalTransitionException.class)
                .satisfies(e -> assertThat(((IllegalTransitionException) e).currentState()).isEqualTo("ANSWERED"));
    }

    /** A new dispatch ends the parts not in; what a supporting unit answered stays in the ticket's history. */
    @Test
    void withdrawsTheOpenPartsWhenTheTicketIsDispatchedAgain() {
        RoutedTicket ticket = gasLeak(List.of("POLICE", "HOUSING"));
        ticket.acceptPart("POLICE", T0);
        ticket.answerPart("POLICE", "已设置警戒", T0);

        ticket.assign(new RoutingDecision(null, 1, "GAS_CO", List.of(), Priority.URGENT, List.of()), "燃气",
                T0.plusSeconds(60), new Dispatcher.Deadlines(T0.plus(Duration.ofHours(2)), T0.plus(WEEK)), "sup-1");

        assertThat(ticket.currentParts()).isEmpty();
        assertThat(ticket.getPartsDueBy()).isNull();
        assertThat(ticket.getParts()).extracting(Part::unitId, Part::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("POLICE", PartState.ANSWERED),
                org.assertj.core.groups.Tuple.tuple("HOUSING", PartState.WITHDRAWN));
        assertThatThrownBy(() -> ticket.acceptPart("HOUSING", T0)).isInstanceOf(IllegalTransitionException.class);
    }

    private static void resolve(RoutedTicket ticket) {
        ticket.resolve(ResolutionResult.SOLVED, "已排除险情", false, T0.plus(Duration.ofHours(5)), WEEK);
    }

    /** A gas leak the gas company leads under the sample city's utilities class, with {@code supporting}. */
    private static RoutedTicket gasLeak(List<String> supporting) {
        TimeLimits.Terms terms = TimeLimits.defaults().withClasses(
                org.hotline12345.referencedata.City.sample().urgencyClasses()).terms("UTILITIES", Priority.URGENT);
        RoutedTicket ticket = RoutedTicket.from(received("GAS_SUPPLY"), null);
        ticket.assign(new RoutingDecision("gas-leak-urgent", 1, "GAS_CO", supporting, Priority.URGENT, List.of()),
                "燃气", T0, new Dispatcher.Deadlines(T0.plus(terms.accept()), T0.plus(terms.resolve()), terms));
        return ticket;
    }

    private static TicketReceived received(String category) {
        return new TicketReceived("e", T0, "t-9", "12345-9", Channel.PHONE, category, Urgency.URGENT, "煤气味", null,
                null, null, false, null, null, null);
    }

    private static List<String> types(RoutedTicket ticket) {
        return ticket.getOutbox().stream().map(OutgoingEvent::type).toList();
    }
}
