package org.hotline12345.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.hotline12345.contracts.AssignmentReason;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.Priority;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.platform.pii.ContactSealer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Quiet hours that began an hour ago and end some seconds after the service starts: a non-urgent text waits for
 * their end and then goes out once; the receipt of a call and an urgent ticket's texts go out at once, but the
 * receipt of a website complaint, whose number nobody has heard from, waits too, even one that says it is urgent.
 */
@HubIntegrationTest(database = "notification-quiet-it", properties = "hotline.notification.sweep-interval=500ms")
class QuietHoursIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    static Instant quietEnds;
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        quietEnds = Instant.now().plusSeconds(40).truncatedTo(ChronoUnit.SECONDS);
        registry.add("hotline.notification.quiet-from", () -> LocalTime.ofInstant(quietEnds.minusSeconds(3_600),
                CITY).toString());
        registry.add("hotline.notification.quiet-to", () -> LocalTime.ofInstant(quietEnds, CITY).toString());
    }

    @Autowired
    WebTestClient web;
    @Autowired
    ContactSealer sealer;

    @Test
    void holdsANonUrgentTextUntilTheQuietHoursEndButNotTheReceiptOrAnUrgentTicket() {
        TicketReceived normal = received(Urgency.NORMAL, "+8613900000301");
        TicketReceived urgent = received(Urgency.URGENT, "+8613900000302");
        // urgent as the stranger who typed it said: a number nobody has heard from is not woken for that
        TicketReceived fromTheWebsite = received(Urgency.URGENT, "+8613900000303", Channel.WEB);
        topics.publish(fromTheWebsite);
        topics.publish(normal);
        topics.publish(urgent);
        topics.publish(assigned(normal));
        topics.publish(assigned(urgent));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(statuses(urgent.ticketId())).containsExactly("SENT", "SENT");
            assertThat(statuses(normal.ticketId())).containsExactly("SENT", "PENDING");
            assertThat(statuses(fromTheWebsite.ticketId())).containsExactly("PENDING");
        });
        web.get().uri("/api/v1/notifications?ticketId={id}", normal.ticketId())
                .headers(h -> h.setBearerAuth(supervisor())).exchange()
                .expectBody().jsonPath("$[1].notBefore").isEqualTo(quietEnds.toString());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(statuses(normal.ticketId())).containsExactly("SENT", "SENT");
            assertThat(statuses(fromTheWebsite.ticketId())).containsExactly("SENT");
        });
        web.get().uri("/api/v1/sms-outbox?ticketId={id}", normal.ticketId())
                .headers(h -> h.setBearerAuth(supervisor())).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(2);
    }

    private List<String> statuses(String ticketId) {
        return web.get().uri("/api/v1/notifications?ticketId={id}", ticketId)
                .headers(h -> h.setBearerAuth(supervisor())).exchange().expectStatus().isOk()
                .expectBodyList(java.util.Map.class).returnResult().getResponseBody().stream()
                .map(n -> (String) n.get("status")).toList();
    }

    private TicketReceived received(Urgency urgency, String phone) {
        return received(urgency, phone, Channel.PHONE);
    }

    private TicketReceived received(Urgency urgency, String phone, Channel channel) {
        String id = UUID.randomUUID().toString();
        return new TicketReceived(EventIds.of(id, "TicketReceived", 1), Instant.now(), id,
                "12345-20261128-" + id.substring(0, 4), channel, "WATER_SUPPLY", urgency, "pipe burst", null,
                null, new CitizenContact(sealer.seal(phone, id, ContactSealer.Field.PHONE), sealer.hash(phone), ContactSealer.mask(phone), null, "zh",
                        true), false, null, null, null);
    }

    private static TicketAssigned assigned(TicketReceived received) {
        Instant due = Instant.now().plusSeconds(86_400);
        return new TicketAssigned(EventIds.of(received.ticketId(), "TicketAssigned", 1), Instant.now(),
                received.ticketId(), received.ticketNumber(), 1, "WATER_CO", "贵阳水务集团", List.of(),
                "WATER_SUPPLY", "YUNYAN", Priority.HIGH, due.minusSeconds(3600), due,
                new AssignmentReason("water", 1, "YY-04", List.of("category=WATER_SUPPLY")));
    }

    private static String supervisor() {
        return infra.tokens().mint("sup-1", "SUPERVISOR");
    }
}
