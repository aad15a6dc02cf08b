package org.hotline12345.routing;

import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.ApiDocuments;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The service's OpenAPI document covers every endpoint with who may call it, and the service keeps to it when
 * strangers and every role call each endpoint, and when hostile values are sent in every parameter and field.
 */
@HubIntegrationTest(database = "routing-api-it")
class ApiDocumentIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();

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
