package org.hotline12345.embedded.testing;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.netty.http.client.HttpClient;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service's OpenAPI document covers every endpoint with who may call it (as its {@code access-matrix.txt} test
 * resource says), and the service keeps to it when strangers and every role call each endpoint, and when hostile
 * values are sent in every parameter and field. A service's test extends this with its
 * {@link HubIntegrationTest}.
 */
public abstract class ApiDocumentTests {

    private static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();

    @Autowired
    WebTestClient web;
    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;

    @Test
    void documentsEveryEndpointWithTheRolesThatMayCallIt() {
        ApiDocuments documents = ApiDocuments.read(web);
        documents.assertDocumentsEveryEndpoint(context);
        documents.assertMatchesAccessMatrix("/access-matrix.txt");
        web.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    void keepsToTheAccessMatrixItsDocumentImplies() {
        ApiDocuments.read(web).assertAccessMatrix(web, infra);
    }

    /**
     * On a connection of its own for every request: the server closes a connection on which it refused a request
     * line longer than it reads (414), and a request sent on such a connection from a client's pool could wait for an
     * answer that never comes.
     */
    @Test
    void answersHostileInputWithProblemsAndNeverAServerError() {
        WebTestClient oneConnectionEach = WebTestClient.bindToServer(new ReactorClientHttpConnector(
                HttpClient.newConnection())).baseUrl("http://127.0.0.1:" + port).build();
        ApiDocuments.read(web).assertSurvivesHostileInput(oneConnectionEach, infra, 12_345L);
    }
}
