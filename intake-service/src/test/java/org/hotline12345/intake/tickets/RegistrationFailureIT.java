package org.hotline12345.intake.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;

import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * A registration that fails after the repeat check named its ticket the caller's original: the ticket was never
 * stored, so the caller's next call must not be filed as a repeat of it (a repeat is linked, not worked, and a link
 * to nothing would leave the call with no one). The database's failure is the one step replaced here: the insert
 * of the ticket answers as a database that went away would, once.
 */
@HubIntegrationTest(database = "intake-registration-failure-it")
class RegistrationFailureIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();

    @Autowired
    WebTestClient web;
    @MockitoSpyBean
    TicketInserts inserts;

    @Test
    void aCallWhoseTicketWasNotStoredLeavesTheCallersNextCallAnOriginal() {
        String call = CallIntakeIT.callFrom("5690");
        doReturn(Mono.error(new DataAccessResourceFailureException("MongoDB went away"))).doCallRealMethod()
                .when(inserts).insert(any());

        post(call).expectStatus().isEqualTo(503);
        TicketReceipt again = post(call).expectStatus().isAccepted().expectBody(TicketReceipt.class)
                .returnResult().getResponseBody();
        TicketReceipt third = post(call).expectStatus().isAccepted().expectBody(TicketReceipt.class)
                .returnResult().getResponseBody();

        assertThat(again.repeatOf()).as("the call sent again after the failure is the original").isNull();
        assertThat(third.repeatOf()).as("a later call repeats the stored original").isEqualTo(again.ticketId());
    }

    /** Without an Idempotency-Key (it is optional): each attempt is a registration of its own. */
    private WebTestClient.ResponseSpec post(String body) {
        return web.post().uri("/api/v1/calls").headers(h -> h.setBearerAuth(infra.tokens().mint("operator-1",
                "OPERATOR"))).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
