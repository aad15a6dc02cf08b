package org.hotline12345.routing.review;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.routing.assignment.TicketView;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the review tests do over HTTP as units and supervisors (act on a ticket, decide a review, list tickets), and
 * the events they wait for on routing's topic.
 *
 * @param reviews the path of one kind of review, e.g. {@code /api/v1/reviews/returns}
 */
record ReviewCalls(WebTestClient web, EventTopics.Reader reader, String reviews) {

    List<String> ids(String path, String token) {
        return web.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBodyList(TicketView.class).returnResult().getResponseBody().stream()
                .map(TicketView::ticketId).toList();
    }

    WebTestClient.ResponseSpec decide(String ticketId, String decision, String token, String body) {
        return web.post().uri(reviews + "/{id}/{decision}", ticketId, decision)
                .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    WebTestClient.ResponseSpec act(String ticketId, String action, String token) {
        return web.post().uri("/api/v1/tickets/{id}/{action}", ticketId, action)
                .headers(h -> h.setBearerAuth(token)).exchange();
    }

    WebTestClient.ResponseSpec act(String ticketId, String action, String token, String body) {
        return web.post().uri("/api/v1/tickets/{id}/{action}", ticketId, action)
                .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    <T extends TicketLifecycleEvent> T awaitEvent(String ticketId, Class<T> type) {
        List<T> events = reader.awaitEvents(ticketId, TicketLifecycleEvent.class, type);
        return events.get(events.size() - 1);
    }

    void awaitEventCount(String ticketId, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> reader.allEventsFor(ticketId, TicketLifecycleEvent.class).size() >= count);
    }
}
