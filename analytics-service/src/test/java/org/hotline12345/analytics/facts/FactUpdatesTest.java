package org.hotline12345.analytics.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.hotline12345.analytics.facts.Fact.Fields;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.FeedbackReceived;
import org.hotline12345.contracts.GeoPoint;
import org.hotline12345.contracts.HotlineEvent;
import org.hotline12345.contracts.KnowledgeAnswer;
import org.hotline12345.contracts.Overdue;
import org.hotline12345.contracts.ReturnRejected;
import org.hotline12345.contracts.Satisfaction;
import org.hotline12345.contracts.TicketEvents;
import org.hotline12345.contracts.TicketExtended;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.referencedata.City;
import org.junit.jupiter.api.Test;

class FactUpdatesTest {

    private static final City CITY = City.sample();

    private static final Instant LATE_EVENING_UTC = Instant.parse("2026-11-27T17:30:00Z");

    private final TicketEvents ticket = TicketEvents.ticket("t2").unit("URBAN_MGMT");

    @Test
    void runsTheAcceptDeadlineAgainWhenTheCentreTurnsTheReturnDown() {
        Instant acceptBy = LATE_EVENING_UTC.plus(java.time.Duration.ofHours(2));
        var returned = FactUpdates.of(ticket.rejected(LATE_EVENING_UTC, "NOT_OURS"), CITY);
        var turnedDown = FactUpdates.of(new ReturnRejected(EventIds.of(ticket.id(), "ReturnRejected", 1),
                LATE_EVENING_UTC.plusSeconds(600), ticket.id(), "URBAN_MGMT", "占道经营属城管", "sup-1", "ASSIGNED",
                acceptBy, LATE_EVENING_UTC.plus(java.time.Duration.ofDays(3))), CITY);

        assertThat(returned.unset()).contains(Fields.OPEN_ACCEPT_BY);
        assertThat(turnedDown.set()).containsEntry(Fields.OPEN_ACCEPT_BY, acceptBy);
        assertThat(turnedDown.unset()).contains(Fields.RETURNED_AT);
    }

    @Test
    void countsAReturnAgainstTheTicket() {
        var change = FactUpdates.of(ticket.rejected(LATE_EVENING_UTC, "NOT_OURS"), CITY);

        assertThat(change.increment()).containsEntry(Fields.RETURNS, 1);
        assertThat(change.set()).containsOnlyKeys(Fields.RETURNED_AT);
    }

    @Test
    void runsTheDeadlineRoutingRunsAtEveryStepOfTheTicketsStory() {
        Instant at = LATE_EVENING_UTC;
        Document stored = new Document(Fields.ID, ticket.id());
        List<HotlineEvent> story = List.of(ticket.received(at), ticket.assigned(at.plusSeconds(60)),
                ticket.rejected(at.plusSeconds(600), "NOT_OURS"), ticket.unit("POLICE").assigned(at.plusSeconds(900)),
                ticket.accepted(at.plusSeconds(1_200), true),
                new TicketExtended(EventIds.of(ticket.id(), "TicketExtended", 1), at.plusSeconds(1_800), ticket.id(),
                        "POLICE", at.plusSeconds(90_000), "需要联合执法", "sup-1"),
                ticket.resolved(at.plusSeconds(7_200), true),
                ticket.reopened(at.plusSeconds(9_000), at.plusSeconds(90_000)),
                ticket.resolved(at.plusSeconds(10_000), true), ticket.closed(at.plusSeconds(12_000), "FEEDBACK"));
        List<Overdue.Running> running = new ArrayList<>();

        for (HotlineEvent event : story) {
            StoredChanges.apply(FactUpdates.of(event, CITY), stored);
            running.add(Fact.from(stored).runningDeadline());
        }

        assertThat(running).containsExactly(Overdue.Running.NONE, Overdue.Running.ACCEPT, Overdue.Running.NONE,
                Overdue.Running.ACCEPT, Overdue.Running.RESOLVE, Overdue.Running.RESOLVE, Overdue.Running.NONE,
                Overdue.Running.RESOLVE, Overdue.Running.NONE, Overdue.Running.NONE);
    }

    @Test
    void placesAReceivedTicketInTheGridOfItsPointAndLinksItToItsIncident() {
        var change = FactUpdates.of(ticket.at(new GeoPoint(26.5785, 106.7135)).sameIncidentAs("t1")
                .received(LATE_EVENING_UTC), CITY);

        assertThat(change.set()).containsEntry(Fields.PLACED_GRID_ID, "YY-04").containsEntry(Fields.LINKED_TO, "t1")
                .containsEntry(Fields.REPEAT, false).doesNotContainKey(Fields.GRID_ID);
    }

    @Test
    void keepsAReceivedTicketsPlaceToAboutAHundredMetresAndNothingOfItsCaller() {
        var change = FactUpdates.of(ticket.at(new GeoPoint(26.578_543, 106.713_478))
                .citizen(new CitizenContact("sealed-number", "hash-of-the-number", "138****5678", null, "zh", false))
                .received(LATE_EVENING_UTC), CITY);

        assertThat(change.set()).containsEntry(Fields.LAT, 26.579).containsEntry(Fields.LON, 106.713)
                .containsEntry(Fields.PLACED_GRID_ID, "YY-04");
        assertThat(change.set().values()).noneMatch(value -> String.valueOf(value).contains("hash-of-the-number"));
    }

    @Test
    void recordsTheKnowledgeArticleACallWasAnsweredWithOnTheSpot() {
        TicketReceived received = ticket.received(LATE_EVENING_UTC);
        TicketReceived answered = new TicketReceived(received.eventId(), received.occurredAt(), received.ticketId(),
                received.ticketNumber(), received.channel(), "CONSULTATION", received.urgency(), "社保卡丢了怎么补办",
                null, null, received.citizen(), true, "带身份证到社保服务大厅补办", null, null, null,
                new KnowledgeAnswer("KB-CARD-002", 3));

        var change = FactUpdates.of(answered, CITY);

        assertThat(change.set()).containsEntry(Fields.RESOLVED_AT_INTAKE, true)
                .containsEntry(Fields.ANSWERED_FROM_ARTICLE, "KB-CARD-002")
                .containsEntry(Fields.ANSWERED_FROM_VERSION, 3);
    }

    @Test
    void keepsTheWordsOfAQuestionDispatchedButNotOfOneAnsweredOnTheCallOrOfAComplaint() {
        TicketEvents question = TicketEvents.ticket("q-1").category("CONSULTATION").description("公积金贷款额度怎么算");

        var dispatched = FactUpdates.of(question.received(LATE_EVENING_UTC), CITY);
        var answered = FactUpdates.of(question.answeredOnCall("按公积金中心规定").received(LATE_EVENING_UTC), CITY);
        var complaint = FactUpdates.of(ticket.received(LATE_EVENING_UTC), CITY);

        assertThat(dispatched.set()).containsEntry(Fields.QUESTION_DAY,
                dispatched.set().get(Fields.RECEIVED_DAY)).containsKey(Fields.QUESTION_WORDS);
        assertThat(String.valueOf(dispatched.set().get(Fields.QUESTION_WORDS))).contains("公积金", "贷款");
        assertThat(answered.set()).doesNotContainKeys(Fields.QUESTION_DAY, Fields.QUESTION_WORDS);
        assertThat(complaint.set()).doesNotContainKeys(Fields.QUESTION_DAY, Fields.QUESTION_WORDS);
    }

    @Test
    void recordsWhetherTheResolutionWasOnTime() {
        var change = FactUpdates.of(ticket.resolved(LATE_EVENING_UTC, false), CITY);

        assertThat(change.set()).containsEntry(Fields.RESULT, "SOLVED").containsEntry(Fields.RESOLVED_ON_TIME, false);
    }

    @Test
    void countsBasicallySatisfiedAsSatisfied() {
        var rating = FactUpdates.rating(ticket.round(2).feedback(LATE_EVENING_UTC, true,
                Satisfaction.BASICALLY_SATISFIED));

        assertThat(rating).containsEntry(Fields.SATISFIED, true).containsEntry(Fields.SOLVED, true)
                .containsEntry(Fields.RATED, true).containsEntry(Fields.RATED_ROUND, 2);
    }

    @Test
    void countsDaysAndHoursInTheCitysCalendar() {
        var change = FactUpdates.of(ticket.received(LATE_EVENING_UTC), CITY);

        assertThat(change.set()).containsEntry(Fields.RECEIVED_DAY, "2026-11-28")
                .containsEntry(Fields.RECEIVED_WEEK, "2026-W48").containsEntry(Fields.RECEIVED_MONTH, "2026-11")
                .containsEntry(Fields.RECEIVED_HOUR, "01");
    }

    @Test
    void readsBackAsTheFactOfTheTicketsStory() {
        Instant at = LATE_EVENING_UTC;
        Document stored = new Document(Fields.ID, ticket.id());
        List<HotlineEvent> story = List.of(ticket.grid("YY-04").received(at), ticket.assigned(at.plusSeconds(60)),
                ticket.rejected(at.plusSeconds(600), "NOT_OURS"), ticket.unit("POLICE").assigned(at.plusSeconds(900)),
                ticket.accepted(at.plusSeconds(1_200), true), ticket.resolved(at.plusSeconds(7_200), true),
                ticket.feedback(at.plusSeconds(9_000), true, Satisfaction.SATISFIED));
        story.forEach(event -> StoredChanges.apply(FactUpdates.of(event, CITY), stored));
        story.stream().filter(FeedbackReceived.class::isInstance)
                .forEach(answer -> stored.putAll(FactUpdates.rating((FeedbackReceived) answer)));

        Fact fact = Fact.from(stored);

        assertThat(fact.unitId()).isEqualTo("POLICE");
        assertThat(fact.assignedUnits()).containsExactly("URBAN_MGMT", "POLICE");
        assertThat(fact.returnedBy()).containsExactly("URBAN_MGMT");
        assertThat(fact.returns()).isEqualTo(1);
        assertThat(fact.acceptedOnTime()).isTrue();
        assertThat(fact.satisfied()).isTrue();
        assertThat(fact.grid()).isEqualTo("YY-04");
        assertThat(fact.overdueAt(at.plusSeconds(30 * 86_400))).isFalse();
    }
}
