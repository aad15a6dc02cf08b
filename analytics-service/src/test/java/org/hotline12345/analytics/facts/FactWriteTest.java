package org.hotline12345.analytics.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.hotline12345.analytics.facts.Fact.Fields;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.HotlineEvent;
import org.hotline12345.contracts.TicketEvents;
import org.hotline12345.contracts.TicketExtended;
import org.hotline12345.referencedata.City;
import org.junit.jupiter.api.Test;

class FactWriteTest {

    private static final City CITY = City.sample();
    private static final Instant AT = Instant.parse("2026-11-27T02:00:00Z");

    /** Received, given to urban management, signed for, returned, then given to the police. */
    private static List<HotlineEvent> story() {
        TicketEvents ticket = TicketEvents.ticket("t9");
        return List.of(ticket.received(AT), ticket.assigned(AT.plusSeconds(60)),
                ticket.accepted(AT.plusSeconds(120), true), ticket.rejected(AT.plusSeconds(600), "NOT_OURS"),
                ticket.unit("POLICE").assigned(AT.plusSeconds(900)));
    }

    @Test
    void letsALaterEventSetOrClearAFieldWhateverAnEarlierOneDidToIt() {
        FactWrite write = fold(story());

        assertThat(write.set()).containsEntry(Fields.UNIT_ID, "POLICE").containsKey(Fields.OPEN_ACCEPT_BY)
                .doesNotContainKeys(Fields.ACCEPTED_AT, Fields.RETURNED_AT);
        assertThat(write.unset()).contains(Fields.ACCEPTED_AT, Fields.ACCEPTED_ON_TIME, Fields.RETURNED_AT)
                .doesNotContain(Fields.OPEN_ACCEPT_BY);
        assertThat(write.increment()).containsEntry(Fields.ASSIGNMENTS, 2).containsEntry(Fields.RETURNS, 1);
        assertThat(write.addToSet().get(Fields.ASSIGNED_UNITS)).containsExactly("URBAN_MGMT", "POLICE");
        assertThat(write.eventIds()).hasSize(5);
        assertThat(write.updatedAt()).isEqualTo(AT.plusSeconds(900));
        assertThat(write.changesCounted()).isTrue();
    }

    @Test
    void makesTheFactThatApplyingTheEventsOneAfterAnotherWould() {
        Document oneByOne = new Document(Fields.ID, "t9");
        story().forEach(event -> StoredChanges.apply(FactUpdates.of(event, CITY), oneByOne));

        Document folded = fold(story()).newFact();

        assertThat(folded.getList(Fields.EVENT_IDS, String.class)).hasSize(5);
        assertThat(folded).containsEntry(Fields.PENDING, true).containsEntry(Fields.VERSION, 1L)
                .containsEntry(Fields.COUNTED, new Document());
        List.of(Fields.EVENT_IDS, Fields.UPDATED_AT, Fields.PENDING, Fields.VERSION, Fields.COUNTED)
                .forEach(folded::remove);
        assertThat(folded).isEqualTo(oneByOne);
    }

    @Test
    void leavesTheFactOutOfTheRollupsWorkWhenNoCountedFieldChanges() {
        TicketExtended extended = new TicketExtended(EventIds.of("t9", "TicketExtended", 1), AT, "t9", "POLICE",
                AT.plusSeconds(86_400), "需要联合执法", "sup-1");

        FactWrite write = fold(List.of(extended));

        assertThat(write.changesCounted()).isFalse();
        assertThat(write.newFact()).doesNotContainKeys(Fields.PENDING, Fields.VERSION);
    }

    private static FactWrite fold(List<HotlineEvent> events) {
        FactWrite write = new FactWrite("t9");
        events.forEach(event -> write.apply(event.eventId(), event.occurredAt(), FactUpdates.of(event, CITY)));
        return write;
    }
}
