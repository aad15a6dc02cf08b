package org.hotline12345.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class EventContractTest {

    private static final Class<?>[] STREAMS = {IntakeEvent.class, TicketLifecycleEvent.class,
            NotificationEvent.class, FeedbackEvent.class};

    static Stream<HotlineEvent> events() {
        return SampleEvents.all().stream();
    }

    static Stream<String> eventTypes() {
        return SampleEvents.all().stream().map(HotlineEvent::type).distinct();
    }

    @ParameterizedTest
    @MethodSource("events")
    void roundTripsThroughJsonUnchanged(HotlineEvent event) {
        byte[] json = EventCodec.write(event);

        HotlineEvent back = EventCodec.read(json, streamOf(event));

        assertThat(back).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("events")
    void writesJsonThatItsSchemaAccepts(HotlineEvent event) {
        String json = EventCodec.writeString(event);

        assertThat(SchemaCatalog.validate(event.type(), json)).isEmpty();
        assertThat(json).contains("\"type\":\"" + event.type() + "\"");
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void stillReadsTheKeptSamplePayload(String type) throws IOException {
        String sample = read("samples/" + type + ".v1.json");

        assertThat(SchemaCatalog.validate(type, sample)).isEmpty();
        HotlineEvent event = EventCodec.read(sample, streamFor(type));
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.eventId()).isNotBlank();
        assertThat(event.ticketId()).isEqualTo("3f6c2a1e-8d7b-4c1a-9e2f-5b8a7c6d4e3f");
    }

    /**
     * Each event class of every stream has a declared wire name, and that name is the one of a kept sample: a
     * renamed record keeps its name, and a changed name fails here instead of on a consumer in production.
     */
    @Test
    void theWireNameOfEveryEventIsDeclaredAndIsTheNameOfAKeptSample() throws IOException {
        List<Class<?>> classes = Arrays.stream(STREAMS).flatMap(stream -> Arrays.stream(
                stream.getPermittedSubclasses())).toList();

        assertThat(EventTypes.all().keySet()).containsExactlyInAnyOrderElementsOf(classes);
        for (Class<?> type : classes) {
            String name = EventTypes.nameOf(type.asSubclass(HotlineEvent.class));
            HotlineEvent sample = EventCodec.read(read("samples/" + name + ".v1.json"), streamFor(name));
            assertThat(sample).as(name).isInstanceOf(type);
            assertThat(sample.type()).isEqualTo(name);
        }
    }

    @Test
    void readersIgnoreFieldsAddedByANewerProducer() {
        String newer = EventCodec.writeString(SampleEvents.received())
                .replace("{\"type\"", "{\"channelDetail\":{\"line\":3},\"type\"");

        IntakeEvent read = EventCodec.read(newer, IntakeEvent.class);

        assertThat(read).isEqualTo(SampleEvents.received());
    }

    @Test
    void readersTakeAnEventTypeTheyDoNotKnowAsNothingRatherThanFailing() {
        String future = EventCodec.writeString(SampleEvents.assigned())
                .replace("\"type\":\"TicketAssigned\"", "\"type\":\"TicketMergedIntoIncident\"");

        assertThat(EventCodec.read(future, TicketLifecycleEvent.class)).isNull();
    }

    @Test
    void schemaRejectsAnEventMissingARequiredField() {
        String json = EventCodec.writeString(SampleEvents.assigned()).replace("\"unitId\":\"WATER_CO\",", "");

        assertThat(SchemaCatalog.validate("TicketAssigned", json))
                .extracting(com.networknt.schema.Error::getMessage)
                .anySatisfy(message -> assertThat(message).contains("unitId"));
    }

    /**
     * Events written before resolutions were numbered still read: a resolution or reopening without its round, and
     * an answer without one, which is read as an answer to the first round.
     */
    @Test
    void readsEventsWithoutAResolutionRoundFromProducersBeforeIt() throws IOException {
        FeedbackReceived answer = (FeedbackReceived) EventCodec.read(read("samples/FeedbackReceived.v1.json"),
                FeedbackEvent.class);
        TicketResolved resolved = (TicketResolved) EventCodec.read(read("samples/TicketResolved.v1.json"),
                TicketLifecycleEvent.class);
        TicketReopened reopened = (TicketReopened) EventCodec.read(read("samples/TicketReopened.v1.json"),
                TicketLifecycleEvent.class);

        assertThat(answer.resolutionRound()).isNull();
        assertThat(answer.answersRound()).isEqualTo(1);
        assertThat(resolved.resolutionRound()).isNull();
        assertThat(reopened.resolutionRound()).isNull();
    }

    /** A return written before units could cite the law or duties it rests on still reads, citing none. */
    @Test
    void readsAReturnWithoutABasisFromProducersBeforeIt() throws IOException {
        TicketRejected rejected = (TicketRejected) EventCodec.read(read("samples/TicketRejected.v1.json"),
                TicketLifecycleEvent.class);

        assertThat(rejected.basis()).isNull();
        assertThat(rejected.reasonCode()).isEqualTo("NOT_OUR_BUSINESS");
    }

    /**
     * A caller's wish for the answer by text travels only when they asked: a ticket written before it, or whose
     * caller did not ask, carries no such field and reads as not asked.
     */
    @Test
    void carriesTheWishForTheAnswerByTextOnlyWhenTheCallerAskedForIt() throws IOException {
        TicketReceived kept = (TicketReceived) EventCodec.read(read("samples/TicketReceived.v1.json"),
                IntakeEvent.class);
        String asked = EventCodec.writeString(SampleEvents.answeredOnCall());

        assertThat(kept.textAnswer()).isNull();
        assertThat(kept.answerByText()).isFalse();
        assertThat(EventCodec.writeString(SampleEvents.received())).doesNotContain("textAnswer");
        assertThat(asked).contains("\"textAnswer\":true").doesNotContain("answerByText");
        assertThat(((TicketReceived) EventCodec.read(asked, IntakeEvent.class)).answerByText()).isTrue();
        assertThat(SchemaCatalog.validate("TicketReceived", asked.replace("\"textAnswer\":true",
                "\"textAnswer\":\"yes\""))).isNotEmpty();
    }

    /** An approval of the date asked for may come without the centre's reason: it is left out, and still valid. */
    @Test
    void writesAnApprovalWithoutAReasonThatItsSchemaAccepts() {
        String json = EventCodec.writeString(TicketEvents.ticket("t-1").extensionApproved(SampleEvents.AT, 1,
                SampleEvents.AT.plusSeconds(86_400)));

        assertThat(json).doesNotContain("\"reason\"");
        assertThat(SchemaCatalog.validate("ExtensionApproved", json)).isEmpty();
        assertThat(SchemaCatalog.validate("ExtensionRefused", EventCodec.writeString(TicketEvents.ticket("t-1")
                .extensionRefused(SampleEvents.AT, 1)).replace(",\"reason\":\"handle it in time\"", ""))).isNotEmpty();
    }

    /**
     * A part the rules gave (no supervisor named) leaves {@code assignedBy} out and is still valid; a waiver
     * without the centre's reason is not, and neither is an answer without its text.
     */
    @Test
    void writesAPartTheRulesGaveWithoutASupervisorAndRefusesAWaiverWithoutAReason() {
        TicketEvents ticket = TicketEvents.ticket("t-1").unit("GAS_CO");
        String json = EventCodec.writeString(ticket.partAssigned(SampleEvents.AT, "POLICE"));

        assertThat(json).doesNotContain("\"assignedBy\"");
        assertThat(SchemaCatalog.validate("PartAssigned", json)).isEmpty();
        assertThat(EventCodec.read(json, TicketLifecycleEvent.class)).isEqualTo(ticket.partAssigned(SampleEvents.AT,
                "POLICE"));
        assertThat(SchemaCatalog.validate("PartWaived", EventCodec.writeString(ticket.partWaived(SampleEvents.AT,
                "POLICE")).replace(",\"reason\":\"not needed\"", ""))).isNotEmpty();
        assertThat(SchemaCatalog.validate("PartAnswered", EventCodec.writeString(ticket.partAnswered(
                SampleEvents.AT, "POLICE", true)).replace("\"answer\":\"done our part\",", ""))).isNotEmpty();
    }

    /**
     * The rating of how the call was taken answers no resolution: it carries no round and no "solved", so that no
     * reader can take it for a rating of the handling; without a comment it leaves the comment out.
     */
    @Test
    void writesACallRatingWithoutARoundOrASolvedAndItsSchemaRefusesEither() {
        CallRated rated = TicketEvents.ticket("t-1").callRated(SampleEvents.AT, Satisfaction.BASICALLY_SATISFIED);
        String json = EventCodec.writeString(rated);

        assertThat(json).contains("\"type\":\"CallRated\"").doesNotContain("comment", "resolutionRound", "solved");
        assertThat(SchemaCatalog.validate("CallRated", json)).isEmpty();
        assertThat(EventCodec.read(json, IntakeEvent.class)).isEqualTo(rated);
        assertThat(SchemaCatalog.validate("CallRated", json.replace("\"type\"", "\"resolutionRound\":1,\"type\"")))
                .isNotEmpty();
        assertThat(SchemaCatalog.validate("CallRated", json.replace("\"type\"", "\"solved\":true,\"type\"")))
                .isNotEmpty();
    }

    @Test
    void writesTheRoundAnAnswerRatesAndNoDerivedField() {
        String json = EventCodec.writeString(new FeedbackReceived("e-1", SampleEvents.AT, SampleEvents.TICKET, true,
                Satisfaction.SATISFIED, "SMS", 3));

        assertThat(json).contains("\"resolutionRound\":3").doesNotContain("answersRound");
        assertThat(((FeedbackReceived) EventCodec.read(json, FeedbackEvent.class)).answersRound()).isEqualTo(3);
    }

    @Test
    void schemaRejectsAResolutionRoundBelowTheFirst() {
        String json = EventCodec.writeString(new FeedbackReceived("e-1", SampleEvents.AT, SampleEvents.TICKET, true,
                Satisfaction.SATISFIED, "SMS", 0));

        assertThat(SchemaCatalog.validate("FeedbackReceived", json)).isNotEmpty();
    }

    @Test
    void asyncApiDocumentNamesEveryTopicAndEventType() throws IOException {
        Map<String, Object> doc = new Yaml().load(read("asyncapi.yaml"));

        assertThat(doc.get("asyncapi")).isEqualTo("3.0.0");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) doc.get("channels");
        Set<String> addresses = channels.values().stream().map(c -> (String) c.get("address"))
                .collect(Collectors.toSet());
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        @SuppressWarnings("unchecked")
        Map<String, Object> messages = (Map<String, Object>) ((Map<String, Object>) doc.get("components"))
                .get("messages");
        assertThat(messages.keySet()).containsExactlyInAnyOrderElementsOf(eventTypes().toList());
    }

    @Test
    void everyEventGoesToTheTopicOfItsStream() {
        assertThat(Topics.topicOf(SampleEvents.received())).isEqualTo(Topics.INTAKE_TICKETS);
        assertThat(Topics.topicOf(SampleEvents.assigned())).isEqualTo(Topics.ROUTING_TICKETS);
        assertThat(Topics.deadLetter(Topics.INTAKE_TICKETS, "routing"))
                .isEqualTo("hotline.intake.tickets.routing.dlq");
    }

    @Test
    void eventIdsAreStableForTheSameFactAndDifferForAnother() {
        assertThat(EventIds.of("t-1", "TicketAssigned", 1)).isEqualTo(EventIds.of("t-1", "TicketAssigned", 1))
                .isNotEqualTo(EventIds.of("t-1", "TicketAssigned", 2));
    }

    private static Class<? extends HotlineEvent> streamOf(HotlineEvent event) {
        return streamFor(event.type());
    }

    private static Class<? extends HotlineEvent> streamFor(String type) {
        return Arrays.stream(STREAMS)
                .filter(stream -> Arrays.stream(stream.getPermittedSubclasses())
                        .anyMatch(c -> type.equals(EventTypes.all().get(c))))
                .map(stream -> stream.asSubclass(HotlineEvent.class))
                .findFirst().orElseThrow();
    }

    private static String read(String path) throws IOException {
        try (InputStream in = SchemaCatalog.resource(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
