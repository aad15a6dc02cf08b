package org.hotline12345.notification.verification;

import java.util.Map;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One client walking the ticket numbers to spend every reporter's five tries, or to have codes texted to every
 * reporter, is stopped after a few requests of its own, over all tickets.
 */
@HubIntegrationTest(database = "notification-verification-limits-it", properties = {
        "hotline.notification.verification.attempts-per-address=3",
        "hotline.notification.verification.code-requests-per-address=3"})
class VerificationLimitsIT {

    @Autowired
    WebTestClient web;

    @Test
    void stopsOneClientTryingCodesOfManyTickets() {
        for (int ticket = 1; ticket <= 3; ticket++) {
            attempt(ticket).expectStatus().isNotFound();
        }

        attempt(4).expectStatus().isEqualTo(429).expectHeader().exists("Retry-After")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void stopsOneClientAskingForCodesOfManyTickets() {
        for (int ticket = 1; ticket <= 3; ticket++) {
            askForCode(ticket).expectStatus().isAccepted();
        }

        askForCode(4).expectStatus().isEqualTo(429).expectHeader().exists("Retry-After")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.ResponseSpec askForCode(int ticket) {
        return web.post().uri("/api/v1/public/phone-verifications/codes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ticketNumber", String.format("12345-20261202-%04d", ticket))).exchange();
    }

    private WebTestClient.ResponseSpec attempt(int ticket) {
        return web.post().uri("/api/v1/public/phone-verifications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ticketNumber", String.format("12345-20261201-%04d", ticket), "code", "123456"))
                .exchange();
    }
}
