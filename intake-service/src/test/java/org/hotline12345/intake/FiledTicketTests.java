package org.hotline12345.intake;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hotline12345.contracts.AssignmentReason;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.Priority;
import org.hotline12345.contracts.ResolutionResult;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketResolved;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.intake.channels.FollowTokens;
import org.hotline12345.intake.tickets.IntakeTicket;
import org.hotline12345.intake.tickets.TicketReceipt;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the integration tests of tickets a citizen files and follows share: the service's web client, its database
 * and the follow links' tokens, a ticket filed by an operator's call, its follow link, and routing's answer of it as
 * intake hears it.
 */
public abstract class FiledTicketTests {

    /** What the callers of the tests say, unless a test needs words of its own. */
    protected static final String LEAKING_PIPE = "小区门口的水管漏水，一直在冒水";

    @Autowired
    protected WebTestClient web;
    @Autowired
    protected ReactiveMongoTemplate mongo;
    @Autowired
    protected FollowTokens tokens;

    /** A water-supply ticket an operator files for {@code phone}'s call at the place given. */
    protected TicketReceipt operatorCall(String phone, String description, double lat, double lon) {
        return web.post().uri("/api/v1/calls")
                .headers(h -> h.setBearerAuth(SharedTestInfrastructure.get().tokens().mint("op", "OPERATOR")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"callerPhone":"%s","description":"%s","location":{"lat":%s,"lon":%s},
                         "category":"WATER_SUPPLY"}""".formatted(phone, description, lat, lon)).exchange()
                .expectStatus().isAccepted().expectBody(TicketReceipt.class).returnResult().getResponseBody();
    }

    /**
     * A call of a leaking pipe at a place of its own for each number, east of {@code lon} by its last two digits,
     * far enough from the others' not to be the same incident.
     */
    protected TicketReceipt callOfItsOwnPlace(String phone, double lat, double lon) {
        double east = 0.004 * Integer.parseInt(phone.substring(phone.length() - 2));
        return operatorCall(phone, LEAKING_PIPE, lat, lon + east);
    }

    /** The address of the link the citizen's texts carry to follow the ticket. */
    protected String followLink(String ticketNumber) {
        return "/t/" + ticketNumber + "." + tokens.tokenFor(ticketNumber);
    }

    /**
     * The water company answers the ticket for the {@code round}th time (assigned to it first, in the first round),
     * once intake has the ticket resolved that many times.
     */
    protected void resolved(EventTopics topics, TicketReceipt ticket, int round) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (round == 1) {
            topics.publish(new TicketAssigned(EventIds.of(ticket.ticketId(), "TicketAssigned", 1), now,
                    ticket.ticketId(), ticket.ticketNumber(), 1, "WATER_CO", "贵阳市供水公司", List.of(),
                    "WATER_SUPPLY", "NANMING", Priority.NORMAL, now.plus(Duration.ofHours(2)),
                    now.plus(Duration.ofDays(3)), new AssignmentReason("water", 1, null, List.of())));
        }
        topics.publish(new TicketResolved(EventIds.of(ticket.ticketId(), "TicketResolved", round), now,
                ticket.ticketId(), "WATER_CO", ResolutionResult.SOLVED, "水管已修好。", true, false, round));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            IntakeTicket stored = mongo.findById(ticket.ticketId(), IntakeTicket.class).block();
            return "RESOLVED".equals(stored.getStatus()) && stored.getTimeline().stream()
                    .filter(step -> "RESOLVED".equals(step.status())).count() == round;
        });
    }

    /** A problem without what names its own request and moment, so that refusals can be compared by what is left. */
    protected static String withoutInstance(String problem) {
        return problem.replaceAll("\"instance\":\"[^\"]*\",?", "").replaceAll("\"(traceId|timestamp)\":\"[^\"]*\",?",
                "");
    }
}
