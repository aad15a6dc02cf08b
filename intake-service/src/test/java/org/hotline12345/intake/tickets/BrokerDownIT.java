package org.hotline12345.intake.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline12345.embedded.FreePorts;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** Intake with a broker that never answers: the operator gets 503 and nothing counts as received. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class BrokerDownIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.register(registry::add, "intake-broker-down-it");
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + FreePorts.pick());
        // nothing to consume from a broker that is not there, and no topics to create on it
        registry.add("spring.cloud.function.definition", () -> "");
        registry.add("spring.cloud.stream.function.autodetect", () -> "false");
        registry.add("spring.kafka.admin.auto-create", () -> "false");
    }

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void answers503AndKeepsNothingWhenKafkaDoesNotAcknowledge() {
        web.post().uri("/api/v1/calls").headers(h -> h.setBearerAuth(infra.tokens().mint("op", "OPERATOR")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(CallIntakeIT.CALL).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        long tickets = mongo.getCollection("tickets").flatMap(c -> Mono.from(c.estimatedDocumentCount())).block();
        assertThat(tickets).isZero();
    }
}
