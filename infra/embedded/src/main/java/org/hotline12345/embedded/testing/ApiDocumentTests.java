package org.hotline12345.embedded.testing;

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

    @Test
    void answersHostileInputWithProblemsAndNeverAServerError() {
        ApiDocuments.read(web).assertSurvivesHostileInput(web, infra, 12_345L);
    }
}
