package org.hotline12345.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.Priority;
import org.hotline12345.contracts.ResolutionResult;
import org.hotline12345.contracts.Satisfaction;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.platform.messaging.OutgoingEvent;
import org.hotline12345.platform.problem.IllegalTransitionException;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.hotline12345.referencedata.ExtensionAllowance;
import org.hotline12345.routing.assignment.RoutedTicket.FeedbackOutcome;
import org.hotline12345.routing.deadlines.TimeLimits;
import org.hotline12345.routing.lifecycle.TicketStatus;
import org.hotline12345.routing.rules.RoutingDecision;
import org.junit.jupiter.api.Test;

class RoutedTicketTest {

    static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");
    static final Duration WEEK = Duration.ofDays(7);
    static final Duration DECIDE = Duration.ofHours(4);

    @Test
    void signsForAnAssignedTicketOnTime() {
        RoutedTicket ticket = assigned();

        ticket.accept(T0.plus(Duration.ofHours(3)));

        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.ACCEPTED);
        assertThat(types(ticket)).containsExactly("TicketAssigned", "TicketAccepted");
        assertThat(ticket.getOutbox().get(1).payload()).contains("\"onTime\":true");
    }

    @Test
    void signsLateWhenTheAcceptDeadlinePassed() {
        RoutedTicket ticket = assigned();

        ticket.accept(T0.plus(Duration.ofHours(25)));

        assertThat(ticket.getOutbox().get(1).payload()).contains("\"onTime\":false");
    }

    @Test
    void refusesToSignTwiceNamingTheState() {
        RoutedTicket ticket = assigned();
        ticket.accept(T0);

        assertThatThrownBy(() -> ticket.accept(T0)).isInstanceOf(IllegalTransitionException.class)
                .satisfies(e -> assertThat(((IllegalTransitionException) e).currentState()).isEqualTo("ACCEPTED"));
    }

    @Test
    void refusesToResolveATicketNobodySignedFor() {
        assertThatThrownBy(() -> assigned().resolve(ResolutionResult.SOLVED, "done", false, T0, WEEK))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void grantsAUnitItsFirstExtensionWithinTheAllowanceAtOnce() {
        RoutedTicket ticket = assigned();
        ticket.accept(T0);
        Instant resolveBy = ticket.getResolveBy();

        boolean granted = ticket.requestExtension(resolveBy.plus(Duration.ofDays(3)), "needs a joint inspection",
                "um-1", ExtensionAllowance.DEFAULT, T0.plus(DECIDE), T0);

        assertThat(granted).isTrue();
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.EXTENDED);
        assertThat(ticket.getResolveBy()).isEqualTo(resolveBy.plus(Duration.ofDays(3)));
        assertThat(ticket.extensionWaiting()).isEmpty();
        assertThat(ticket.getExtensionHistory()).singleElement().satisfies(extension -> {
            assertThat(extension.state()).isEqualTo(RoutedTicket.ExtensionState.GRANTED);
            assertThat(extension.resolveByBefore()).isEqualTo(resolveBy);
            assertThat(extension.resolveBy()).isEqualTo(resolveBy.plus(Duration.ofDays(3)));
        });
        assertThat(types(ticket)).containsExactly("TicketAssigned", "TicketAccepted", "TicketExtended");
    }

    @Test
    void holdsARequestBeyondTheAllowanceForTheCentreWithTheDeadlineRunning() {
        RoutedTicket ticket = assigned();
        ticket.accept(T0);
        Instant resolveBy = ticket.getResolveBy();

        boolean granted = ticket.requestExtension(resolveBy.plus(Duration.ofDays(5)), "needs a joint inspection",
                "um-1", ExtensionAllowance.DEFAULT, T0.plus(DECIDE), T0);

        assertThat(granted).isFalse();
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.ACCEPTED);
        assertThat(ticket.getResolveBy()).isEqualTo(resolveBy);
        assertThat(ticket.getExtensions()).isZero();
        assertThat(ticket.getExtensionWaitingSince()).isEqualTo(T0);
        assertThat(ticket.extensionWaiting()).get().extracting(RoutedTicket.Extension::decideBy)
                .isEqualTo(T0.plus(DECIDE));
        assertThat(types(ticket)).containsExactly("TicketAssigned", "TicketAccepted", "ExtensionRequested");
        // the deadline counts against the unit while the centre decides
        assertThat(ticket.chaseDeadlines(resolveBy.plusSeconds(1))).isEqualTo(2);
        assertThat(ticket.overdueAt(resolveBy.plusSeconds(1))).isTrue();
        assertThatThrownBy(() -> ticket.requestExtension(resolveBy.plus(Duration.ofDays(1)), "again", "um-1",
                ExtensionAllowance.DEFAULT, T0.plus(DECIDE), T0)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> ticket.extendByCentre(resolveBy.plus(Duration.ofDays(1)), "centre", "sup-1", T0))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void sendsASecondRequestToTheCentreHoweverShort() {
        RoutedTicket ticket = assigned();
        ticket.accept(T0);
        ticket.requestExtension(ticket.getResolveBy().plus(Duration.ofDays(1)), "first", "um-1",
                ExtensionAllowance.DEFAULT, T0.plus(DECIDE), T0);

        assertThat(ticket.requestExtension(ticket.getResolveBy().plus(Duration.ofHours(2)), "second", "um-1",
                ExtensionAllowance.DEFAULT, T0.plus(DECIDE), T0)).isFalse();
        assertThat(new ExtensionAllowance(0, WEEK).covers(0, Duration.ofHours(1))).isFalse();
    }

    @Test
    void movesTheDeadlineToAShorterDateTheCentreApprovesAndTextsItThroughTicketExtended() {
        RoutedTicket ticket = waitingForMoreTime();
        Instant resolveBy = ticket.getResolveBy();
        Instant decided = T0.plus(Duration.ofHours(1));

        ticket.approveExtension(resolveBy.plus(Duration.ofDays(4)), "four days are enough", "sup-1", decided);

        assertThat(ticket.getResolveBy()).isEqualTo(resolveBy.plus(Duration.ofDays(4)));
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.EXTENDED);
        assertThat(ticket.getExtensions()).isEqualTo(1);
        assertThat(ticket.getExtensionWaitingSince()).isNull();
        assertThat(ticket.getExtensionHistory()).singleElement().satisfies(extension -> {
            assertThat(extension.state()).isEqualTo(RoutedTicket.ExtensionState.APPROVED);
            assertThat(extension.requestedResolveBy()).isEqualTo(resolveBy.plus(Duration.ofDays(10)));
            assertThat(extension.resolveBy()).isEqualTo(resolveBy.plus(Duration.ofDays(4)));
            assertThat(extension.decisionReason()).isEqualTo("four days are enough");
            assertThat(extension.decidedBy()).isEqualTo("sup-1");
            assertThat(extension.decidedAt()).isEqualTo(decided);
        });
        assertThat(types(ticket)).endsWith("ExtensionRequested", "ExtensionApproved", "TicketExtended");
        assertThatThrownBy(() -> ticket.refuseExtension("again", "sup-2", decided))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("no request");
    }

    @Test
    void grantsTheDateAskedForWithoutAReasonButNoLaterDateAndNoShorterOneWithout() {
        RoutedTicket ticket = waitingForMoreTime();
        Instant asked = ticket.extensionWaiting().orElseThrow().requestedResolveBy();

        assertThatThrownBy(() -> ticket.approveExtension(asked.plusSeconds(1), "more", "sup-1", T0))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("resolveBy");
        assertThatThrownBy(() -> ticket.approveExtension(ticket.getResolveBy(), "none", "sup-1", T0))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("resolveBy");
        assertThatThrownBy(() -> ticket.approveExtension(asked.minusSeconds(1), " ", "sup-1", T0))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("reason");
        assertThat(ticket.extensionWaiting()).isPresent();

        ticket.approveExtension(null, null, "sup-1", T0);

        assertThat(ticket.getResolveBy()).isEqualTo(asked);
    }

    @Test
    void keepsTheDeadlineWhenTheCentreRefuses() {
        RoutedTicket ticket = waitingForMoreTime();
        Instant resolveBy = ticket.getResolveBy();

        ticket.refuseExtension("stop the noise first", "sup-1", T0);

        assertThat(ticket.getResolveBy()).isEqualTo(resolveBy);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.ACCEPTED);
        assertThat(ticket.getExtensions()).isZero();
        assertThat(ticket.getExtensionHistory()).singleElement().satisfies(extension -> {
            assertThat(extension.state()).isEqualTo(RoutedTicket.ExtensionState.REFUSED);
            assertThat(extension.resolveBy()).isNull();
            assertThat(extension.decisionReason()).isEqualTo("stop the noise first");
        });
        assertThat(types(ticket)).endsWith("ExtensionRequested", "ExtensionRefused");
        assertThat(ticket.getOutbox().get(3).payload()).contains("\"resolveBy\":\"" + resolveBy + "\"");
    }

    @Test
    void sendsEveryRequestAfterARefusalToTheCentre() {
        RoutedTicket ticket = waitingForMoreTime();
        ticket.refuseExtension("stop the noise first", "sup-1", T0);

        assertThat(ticket.requestExtension(ticket.getResolveBy().plus(Duration.ofDays(1)), "one day", "um-1",
                ExtensionAllowance.DEFAULT, T0.plus(DECIDE), T0)).isFalse();
    }

    @Test
    void givesTheNextUnitItsOwnAllowance() {
        RoutedTicket ticket = waitingForMoreTime();
        ticket.refuseExtension("stop the noise first", "sup-1", T0);
        ticket.reject(ReturnReason.NOT_OUR_DUTY, "police matter", null, T0);
        ticket.assign(new RoutingDecision(null, 1, "POLICE", List.of(), Priority.NORMAL, List.of()), "公安", T0,
                new Dispatcher.Deadlines(T0.plus(Duration.ofDays(1)), T0.plus(WEEK)));
        ticket.accept(T0);

        assertThat(ticket.requestExtension(T0.plus(WEEK).plus(Duration.ofDays(2)), "second unit", "po-1",
                ExtensionAllowance.DEFAULT, T0.plus(DECIDE), T0)).isTrue();
        assertThat(ticket.getExtensions()).isEqualTo(1);
    }

    @Test
    void letsAWaitingRequestLapseWhenTheUnitResolvesFirst() {
        RoutedTicket ticket = waitingForMoreTime();

        ticket.resolve(ResolutionResult.SOLVED, "done after all", false, T0, WEEK);

        assertThat(ticket.extensionWaiting()).isEmpty();
        assertThat(ticket.getExtensionHistory()).singleElement().extracting(RoutedTicket.Extension::state)
                .isEqualTo(RoutedTicket.ExtensionState.LAPSED);
        assertThatThrownBy(() -> ticket.approveExtension(null, null, "sup-1", T0))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void letsASupervisorMoveTheDeadlineAnyNumberOfTimes() {
        RoutedTicket ticket = assigned();
        ticket.accept(T0);
        Instant resolveBy = ticket.getResolveBy();

        ticket.extendByCentre(resolveBy.plus(Duration.ofDays(10)), "joint enforcement", "sup-1", T0);
        ticket.extendByCentre(resolveBy.plus(Duration.ofDays(20)), "still waiting", "sup-1", T0);

        assertThat(ticket.getExtensions()).isEqualTo(2);
        assertThat(ticket.getExtensionHistory()).extracting(RoutedTicket.Extension::state)
                .containsOnly(RoutedTicket.ExtensionState.BY_CENTRE);
    }

    @Test
    void refusesAnExtensionBackwardsOrBeyondAYear() {
        RoutedTicket ticket = assigned();
        ticket.accept(T0);

        assertThatThrownBy(() -> ticket.requestExtension(ticket.getResolveBy().minusSeconds(1), "back", "u",
                ExtensionAllowance.DEFAULT, T0, T0)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> ticket.extendByCentre(Instant.parse("+99999-01-01T00:00:00Z"), "forever", "sup-1",
                T0)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("resolveBy");
        assertThat(ticket.getExtensions()).isZero();
        assertThat(ticket.getExtensionHistory()).isEmpty();
    }

    /** An accepted ticket whose unit asked for ten more days, beyond the default allowance. */
    private static RoutedTicket waitingForMoreTime() {
        RoutedTicket ticket = assigned();
        ticket.accept(T0);
        ticket.requestExtension(ticket.getResolveBy().plus(Duration.ofDays(10)), "needs a joint inspection", "um-1",
                ExtensionAllowance.DEFAULT, T0.plus(DECIDE), T0);
        return ticket;
    }

    @Test
    void resolvesAndThenReopensOrClosesOnTheCitizensAnswer() {
        RoutedTicket ticket = assigned();
        ticket.accept(T0);
        ticket.resolve(ResolutionResult.SOLVED, "fixed", false, T0.plus(Duration.ofDays(2)), WEEK);

        ticket.reopen("NOT_SOLVED", T0.plus(Duration.ofDays(9)), T0.plus(Duration.ofDays(3)));
        ticket.resolve(ResolutionResult.SOLVED, "fixed for good", false, T0.plus(Duration.ofDays(4)), WEEK);
        ticket.close("FEEDBACK", T0.plus(Duration.ofDays(5)));

        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(types(ticket)).containsExactly("TicketAssigned", "TicketAccepted", "TicketResolved",
                "TicketReopened", "TicketResolved", "TicketClosed");
        assertThat(ticket.getOutbox().get(2).eventId()).isNotEqualTo(ticket.getOutbox().get(4).eventId());
        assertThatThrownBy(() -> ticket.reopen("again", T0, T0)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void remembersEveryUnitThatReturnedIt() {
        RoutedTicket ticket = assigned();

        ticket.reject(ReturnReason.of("NOT_OURS").orElseThrow(), "police matter", null, T0);

        assertThat(ticket.getReturnedBy()).containsExactly("URBAN_MGMT");
        assertThat(ticket.getReturns()).containsExactly(new RoutedTicket.Return(T0, "URBAN_MGMT", "NOT_OUR_DUTY",
                "police matter", 1, null));
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.REJECTED);
        assertThatThrownBy(() -> ticket.accept(T0)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void holdsAReturnForTheCentreThenSendsItBackWithTheDeadlinesItHad() {
        RoutedTicket ticket = assigned();
        ticket.accept(T0.plus(Duration.ofHours(1)));
        Instant returnedAt = T0.plus(Duration.ofHours(2));

        ticket.reject(ReturnReason.WRONG_PLACE, "不在本辖区", "《城市管理条例》第八条", returnedAt);
        ticket.holdForReview(returnedAt.plus(Duration.ofHours(2)), returnedAt);

        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.RETURN_REVIEW);
        assertThat(ticket.getUnitId()).isEqualTo("URBAN_MGMT");
        assertThat(ticket.getReviewBy()).isEqualTo(returnedAt.plus(Duration.ofHours(2)));
        assertThat(ticket.chaseDeadlines(T0.plus(WEEK).plus(WEEK))).isZero();
        assertThatThrownBy(() -> ticket.resolve(ResolutionResult.SOLVED, "x", false, returnedAt, WEEK))
                .isInstanceOf(IllegalTransitionException.class);

        ticket.rejectReturn("占道经营属本单位职责", "sup-1", returnedAt.plus(Duration.ofHours(1)));

        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.ACCEPTED);
        assertThat(ticket.getResolveBy()).isEqualTo(T0.plus(WEEK));
        assertThat(ticket.getReturnedBy()).isEmpty();
        assertThat(ticket.getReviewBy()).isNull();
        assertThat(ticket.getReturnDecisions()).singleElement().satisfies(decision -> {
            assertThat(decision.decision()).isEqualTo("REJECTED");
            assertThat(decision.reason()).isEqualTo("占道经营属本单位职责");
            assertThat(decision.decidedBy()).isEqualTo("sup-1");
        });
        assertThat(types(ticket)).containsExactly("TicketAssigned", "TicketAccepted", "TicketRejected",
                "ReturnRejected");
        assertThatThrownBy(() -> ticket.rejectReturn("again", "sup-2", returnedAt))
                .isInstanceOf(IllegalTransitionException.class);

        // returned again under the same assignment: a fact of its own, not a duplicate of the first
        ticket.reject(ReturnReason.OTHER, "again", null, returnedAt.plus(Duration.ofHours(3)));
        assertThat(ticket.getOutbox().get(4).eventId()).isNotEqualTo(ticket.getOutbox().get(2).eventId());
    }

    @Test
    void upholdsAReturnOnlyToAnotherUnitWithTheCentresReasonKept() {
        RoutedTicket ticket = assigned();
        ticket.reject(ReturnReason.NOT_OUR_DUTY, "police matter", null, T0);
        ticket.holdForReview(T0.plus(Duration.ofHours(2)), T0);
        Dispatcher.Deadlines fresh = new Dispatcher.Deadlines(T0.plus(Duration.ofHours(25)), T0.plus(WEEK));

        assertThatThrownBy(() -> ticket.upholdReturn(new RoutingDecision(null, 1, "URBAN_MGMT", List.of(),
                Priority.NORMAL, List.of()), "城管", "x", "sup-1", fresh, T0))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.RETURN_REVIEW);

        ticket.upholdReturn(new RoutingDecision(null, 1, "POLICE", List.of(), Priority.NORMAL, List.of()), "公安",
                "夜间噪音归公安", "sup-1", fresh, T0.plus(Duration.ofHours(1)));

        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(ticket.getUnitId()).isEqualTo("POLICE");
        assertThat(ticket.getAssignment()).isEqualTo(2);
        assertThat(ticket.getReturnedBy()).containsExactly("URBAN_MGMT");
        assertThat(ticket.getReturnDecisions()).singleElement().satisfies(decision -> {
            assertThat(decision.decision()).isEqualTo("UPHELD");
            assertThat(decision.nextUnitId()).isEqualTo("POLICE");
            assertThat(decision.reason()).isEqualTo("夜间噪音归公安");
        });
        assertThat(types(ticket)).containsExactly("TicketAssigned", "TicketRejected", "ReturnUpheld",
                "TicketAssigned");
    }

    @Test
    void givesTheCallersSealedContactOnlyWhenTheCallerAgreedToBeCalledBack() {
        RoutedTicket willing = withCaller(new CitizenContact("c2VhbGVk", "hash", "138****5678", "bmFtZQ==", "zh",
                true));
        RoutedTicket unwilling = withCaller(new CitizenContact("c2VhbGVk", "hash", "138****5678", null, "zh",
                false));

        assertThat(willing.isCallerReachable()).isTrue();
        assertThat(willing.callerToCallBack(false)).isEqualTo(new RoutedTicket.CallerContact("c2VhbGVk", "bmFtZQ==",
                "hash", true));
        assertThat(unwilling.isCallerReachable()).isFalse();
        assertThatThrownBy(() -> unwilling.callerToCallBack(false)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("did not agree to be contacted");
        assertThat(assigned().isCallerReachable()).isFalse();
        assertThatThrownBy(() -> assigned().callerToCallBack(false)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("gave no phone number");
    }

    @Test
    void aUnitCallsTheCallerBackOnlyWhileItWorksTheTicketTheCentreAfterwardsToo() {
        RoutedTicket ticket = withCaller(new CitizenContact("c2VhbGVk", "hash", "138****5678", null, "zh", true));
        ticket.accept(T0);
        assertThat(ticket.callerToCallBack(false).sealedPhone()).isEqualTo("c2VhbGVk");
        ticket.resolve(ResolutionResult.SOLVED, "已处理", false, T0.plusSeconds(60), WEEK);

        assertThatThrownBy(() -> ticket.callerToCallBack(false)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("only while it works the ticket");
        assertThat(ticket.callerToCallBack(true).sealedPhone()).isEqualTo("c2VhbGVk");
    }

    @Test
    void aSupervisorMayNotDispatchATicketAUnitWorksOnAndIsToldWhichStatesAllowIt() {
        RoutedTicket ticket = assigned();
        ticket.accept(T0);

        assertThatThrownBy(() -> ticket.assign(new RoutingDecision(null, 1, "POLICE", List.of(), Priority.NORMAL,
                List.of()), "公安", T0, new Dispatcher.Deadlines(T0, T0)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("Cannot dispatch a ticket that is ACCEPTED: only a ticket that is TRIAGE or ASSIGNED or "
                        + "REJECTED can be dispatched.");
        assertThat(ticket.getUnitId()).isEqualTo("URBAN_MGMT");
    }

    @Test
    void remindsAtEightyPercentEscalatesWhenLateAndDoesEachOnce() {
        RoutedTicket ticket = assigned();

        assertThat(ticket.chaseDeadlines(T0.plus(Duration.ofHours(19)))).isZero();
        assertThat(ticket.chaseDeadlines(T0.plus(Duration.ofHours(20)))).isEqualTo(1);
        assertThat(ticket.chaseDeadlines(T0.plus(Duration.ofHours(21)))).isZero();
        assertThat(ticket.chaseDeadlines(T0.plus(Duration.ofHours(24)))).isEqualTo(1);
        assertThat(ticket.chaseDeadlines(T0.plus(Duration.ofHours(30)))).isZero();

        assertThat(types(ticket)).containsExactly("TicketAssigned", "TicketDeadlineApproaching", "TicketEscalated");
        assertThat(ticket.getEscalations()).isEqualTo(1);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.ASSIGNED);
    }

    @Test
    void chasesTheResolutionOnceSignedForAndClosesWhenTheCitizenDoesNotAnswerInTime() {
        RoutedTicket ticket = assigned();
        ticket.accept(T0.plus(Duration.ofHours(1)));
        Instant late = T0.plus(WEEK).plusSeconds(1);

        assertThat(ticket.chaseDeadlines(late)).as("resolve reminder and escalation").isEqualTo(2);
        ticket.resolve(ResolutionResult.SOLVED, "fixed", false, late, Duration.ofDays(1));
        assertThat(ticket.chaseDeadlines(late.plus(Duration.ofHours(23)))).isZero();
        assertThat(ticket.chaseDeadlines(late.plus(Duration.ofDays(1)))).isEqualTo(1);

        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(ticket.getOutbox().get(ticket.getOutbox().size() - 1).payload())
                .contains("FEEDBACK_WINDOW_PASSED");
    }

    @Test
    void escalatesOncePerRepeatCallAndNeverAClosedTicket() {
        RoutedTicket ticket = assigned();

        assertThat(ticket.escalateForRepeat("t-2", T0)).isTrue();
        assertThat(ticket.escalateForRepeat("t-2", T0)).as("the same repeat call redelivered").isFalse();
        assertThat(ticket.escalateForRepeat("t-3", T0)).isTrue();
        ticket.accept(T0);
        ticket.resolve(ResolutionResult.SOLVED, "fixed", false, T0, WEEK);
        ticket.close("FEEDBACK", T0);

        assertThat(ticket.escalateForRepeat("t-4", T0)).isFalse();
        assertThat(ticket.getEscalations()).isEqualTo(2);
        assertThat(ticket.getEscalationHistory()).containsExactly(
                new RoutedTicket.Escalation(T0, "REPEAT_CALL", "URBAN_MGMT"),
                new RoutedTicket.Escalation(T0, "REPEAT_CALL", "URBAN_MGMT"));
    }

    @Test
    void recordsARepeatCallAboutALinkedTicketToo() {
        TicketReceived received = new TicketReceived("e", T0, "t-9", "12345-9", Channel.PHONE, "NOISE",
                Urgency.NORMAL, "loud", null, null, new CitizenContact(null, null, null, null, "zh", false), false,
                null, null, "t-1");
        RoutedTicket linked = RoutedTicket.from(received, null);
        linked.link();

        assertThat(linked.escalateForRepeat("t-10", T0)).isTrue();
        assertThat(types(linked)).containsExactly("TicketEscalated");
    }

    @Test
    void theCitizensAnswerClosesOrReopensOnlyAResolvedTicket() {
        RoutedTicket ticket = assigned();
        assertThat(ticket.takeFeedback(0, true, Satisfaction.SATISFIED, TimeLimits.defaults(), T0))
                .isEqualTo(FeedbackOutcome.NOT_AWAITING);
        ticket.accept(T0);
        ticket.resolve(ResolutionResult.SOLVED, "fixed", false, T0, WEEK);

        assertThat(ticket.takeFeedback(1, true, Satisfaction.DISSATISFIED, TimeLimits.defaults(), T0))
                .isEqualTo(FeedbackOutcome.REOPENED);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.REOPENED);
        assertThat(ticket.getResolveBy()).isEqualTo(T0.plus(WEEK));
        ticket.resolve(ResolutionResult.SOLVED, "fixed again", false, T0, WEEK);
        assertThat(ticket.takeFeedback(2, true, Satisfaction.SATISFIED, TimeLimits.defaults(), T0))
                .isEqualTo(FeedbackOutcome.CLOSED);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void numbersEachResolutionAndNamesTheOneAReopeningTurnedDown() {
        RoutedTicket ticket = assigned();
        ticket.accept(T0);
        ticket.resolve(ResolutionResult.SOLVED, "fixed", false, T0, WEEK);
        ticket.takeFeedback(1, false, Satisfaction.DISSATISFIED, TimeLimits.defaults(), T0);
        ticket.resolve(ResolutionResult.SOLVED, "fixed again", false, T0, WEEK);

        assertThat(ticket.getOutbox()).filteredOn(event -> event.type().equals("TicketResolved"))
                .extracting(OutgoingEvent::payload)
                .satisfiesExactly(first -> assertThat(first).contains("\"resolutionRound\":1"),
                        second -> assertThat(second).contains("\"resolutionRound\":2"));
        assertThat(ticket.getOutbox()).filteredOn(event -> event.type().equals("TicketReopened"))
                .extracting(OutgoingEvent::payload)
                .singleElement().asString().contains("\"resolutionRound\":1");
    }

    @Test
    void ignoresALateAnswerToAnEarlierResolutionOfAReopenedTicket() {
        RoutedTicket ticket = assigned();
        ticket.accept(T0);
        ticket.resolve(ResolutionResult.SOLVED, "fixed", false, T0, WEEK);
        ticket.takeFeedback(1, false, Satisfaction.DISSATISFIED, TimeLimits.defaults(), T0);
        ticket.resolve(ResolutionResult.SOLVED, "fixed again", false, T0, WEEK);
        int staged = ticket.getOutbox().size();

        assertThat(ticket.takeFeedback(1, true, Satisfaction.SATISFIED, TimeLimits.defaults(), T0))
                .isEqualTo(FeedbackOutcome.STALE_ROUND);
        assertThat(ticket.takeFeedback(1, false, Satisfaction.DISSATISFIED, TimeLimits.defaults(), T0))
                .isEqualTo(FeedbackOutcome.STALE_ROUND);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(ticket.getOutbox()).hasSize(staged);
    }

    @Test
    void ignoresASecondAnswerToTheSameResolution() {
        RoutedTicket ticket = assigned();
        ticket.accept(T0);
        ticket.resolve(ResolutionResult.SOLVED, "fixed", false, T0, WEEK);
        ticket.takeFeedback(1, false, Satisfaction.DISSATISFIED, TimeLimits.defaults(), T0);

        assertThat(ticket.takeFeedback(1, true, Satisfaction.SATISFIED, TimeLimits.defaults(), T0))
                .isEqualTo(FeedbackOutcome.NOT_AWAITING);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.REOPENED);
    }

    @Test
    void warnsInsideItsUrgencyClasssWindowBeforeEachDeadlineAndNotOnceItHasPassed() {
        RoutedTicket ticket = ofClass("EMERGENCY");

        assertThat(ticket.getUrgencyClass()).isEqualTo("EMERGENCY");
        assertThat(ticket.warnAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(ticket.dueSoonAt(T0.plus(Duration.ofMinutes(29)))).isFalse();
        assertThat(ticket.dueSoonAt(T0.plus(Duration.ofMinutes(30)))).isTrue();
        assertThat(ticket.dueSoonAt(T0.plus(Duration.ofHours(1)))).as("due at this instant, not yet passed").isTrue();
        assertThat(ticket.dueSoonAt(T0.plus(Duration.ofMinutes(61)))).as("overdue, no longer about to").isFalse();
        assertThat(ticket.overdueAt(T0.plus(Duration.ofMinutes(61)))).isTrue();

        // signed for: the resolve deadline's window runs now
        ticket.accept(T0.plus(Duration.ofMinutes(10)));
        assertThat(ticket.warnAt()).isEqualTo(T0.plus(Duration.ofMinutes(90)));
        assertThat(ticket.dueSoonAt(T0.plus(Duration.ofMinutes(80)))).isFalse();
        assertThat(ticket.dueSoonAt(T0.plus(Duration.ofMinutes(95)))).isTrue();
    }

    @Test
    void movesTheWarningWithTheDeadlineWhenTheTicketIsExtended() {
        RoutedTicket ticket = ofClass("EMERGENCY");
        ticket.accept(T0);

        ticket.extendByCentre(T0.plus(Duration.ofHours(5)), "the road must be closed first", "sup-1", T0);

        assertThat(ticket.warnAt()).isEqualTo(T0.plus(Duration.ofMinutes(270)));
        assertThat(ticket.dueSoonAt(T0.plus(Duration.ofMinutes(100)))).isFalse();
    }

    @Test
    void warnsATicketWithoutAClassWhenItsUnitIsReminded() {
        RoutedTicket ticket = assigned();

        assertThat(ticket.getUrgencyClass()).isNull();
        assertThat(ticket.warnAt()).isEqualTo(T0.plus(Duration.ofMinutes((long) (24 * 60 * RoutedTicket.REMIND_AT))));
    }

    @Test
    void sendsEveryExtensionOfAComplexTicketToTheCentreAndNoneBeyondItsLongestAnswer() {
        RoutedTicket ticket = ofClass("COMPLEX");
        ticket.accept(T0);

        assertThatThrownBy(() -> ticket.requestExtension(T0.plus(Duration.ofDays(15)).plusSeconds(60), "more",
                "um-1", ExtensionAllowance.DEFAULT, T0.plus(DECIDE), T0))
                .isInstanceOf(InvalidRequestException.class).satisfies(e -> assertThat(
                        ((InvalidRequestException) e).fieldErrors().get("resolveBy")).contains("COMPLEX"));
        // one day more would be the unit's to take on any other ticket; on a complex one the centre decides
        boolean granted = ticket.requestExtension(T0.plus(Duration.ofDays(8)), "the owners must be heard", "um-1",
                ExtensionAllowance.DEFAULT, T0.plus(DECIDE), T0);

        assertThat(granted).isFalse();
        assertThat(ticket.extensionWaiting()).isPresent();
        ticket.approveExtension(null, null, "sup-1", T0);
        assertThat(ticket.getResolveBy()).isEqualTo(T0.plus(Duration.ofDays(8)));
    }

    @Test
    void reopensATicketWithItsClasssAnswerLimit() {
        RoutedTicket ticket = ofClass("EMERGENCY");
        ticket.accept(T0);
        ticket.resolve(ResolutionResult.SOLVED, "closed the valve", false, T0, WEEK);
        TimeLimits limits = TimeLimits.defaults().withClasses(
                org.hotline12345.referencedata.City.sample().urgencyClasses());

        ticket.takeFeedback(1, false, Satisfaction.DISSATISFIED, limits, T0);

        assertThat(ticket.getResolveBy()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(ticket.warnAt()).isEqualTo(T0.plus(Duration.ofMinutes(90)));
    }

    @Test
    void letsAComplexTicketReopenedLateAskForMoreTimeWithinItsClassFromTheReopening() {
        RoutedTicket ticket = ofClass("COMPLEX");
        ticket.accept(T0);
        Instant late = T0.plus(Duration.ofDays(14));
        ticket.resolve(ResolutionResult.SOLVED, "the owners agreed", false, late, WEEK);
        TimeLimits limits = TimeLimits.defaults().withClasses(
                org.hotline12345.referencedata.City.sample().urgencyClasses());
        ticket.takeFeedback(1, false, Satisfaction.DISSATISFIED, limits, late);

        // past the fifteen days of the first dispatch, within fifteen days of the reopening
        boolean granted = ticket.requestExtension(late.plus(Duration.ofDays(10)), "the owners must be heard again",
                "um-1", ExtensionAllowance.DEFAULT, late.plus(DECIDE), late);

        assertThat(granted).isFalse();
        assertThat(ticket.extensionWaiting()).isPresent();
    }

    /** A ticket dispatched at {@link #T0} under the sample city's urgency class {@code code}. */
    private static RoutedTicket ofClass(String code) {
        TimeLimits limits = TimeLimits.defaults().withClasses(
                org.hotline12345.referencedata.City.sample().urgencyClasses());
        TimeLimits.Terms terms = limits.terms(code, Priority.NORMAL);
        RoutedTicket ticket = RoutedTicket.from(new TicketReceived("e", T0, "t-3", "12345-3", Channel.PHONE,
                "PUBLIC_SECURITY", Urgency.NORMAL, "fight", null, null, null, false, null, null, null), null);
        ticket.assign(new RoutingDecision("public-security", 1, "POLICE", List.of(), Priority.NORMAL, List.of()),
                "公安", T0, new Dispatcher.Deadlines(T0.plus(terms.accept()), T0.plus(terms.resolve()), terms));
        return ticket;
    }

    /** A gas-leak ticket assigned to the gas company, called in by {@code citizen}. */
    private static RoutedTicket withCaller(CitizenContact citizen) {
        RoutedTicket ticket = RoutedTicket.from(new TicketReceived("e", T0, "t-2", "12345-2", Channel.PHONE,
                "GAS_SUPPLY", Urgency.URGENT, "gas", null, null, citizen, false, null, null, null), null);
        ticket.assign(new RoutingDecision("gas", 1, "GAS_CO", List.of(), Priority.URGENT, List.of()), "燃气", T0,
                new Dispatcher.Deadlines(T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofDays(1))));
        return ticket;
    }

    static RoutedTicket assigned() {
        TicketReceived received = new TicketReceived("e", T0, "t-1", "12345-1", Channel.PHONE, "NOISE",
                Urgency.NORMAL, "loud", null, null, new CitizenContact(null, null, null, null, "zh", false), false,
                null, null, null);
        RoutedTicket ticket = RoutedTicket.from(received, null);
        ticket.assign(new RoutingDecision("noise", 1, "URBAN_MGMT", List.of(), Priority.NORMAL, List.of()), "城管",
                T0, new Dispatcher.Deadlines(T0.plus(Duration.ofHours(24)), T0.plus(WEEK)));
        return ticket;
    }

    private static List<String> types(RoutedTicket ticket) {
        return ticket.getOutbox().stream().map(OutgoingEvent::type).toList();
    }
}
