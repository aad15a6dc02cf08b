package org.hotline12345.routing;

import org.hotline12345.embedded.testing.ApiDocumentTests;
import org.hotline12345.embedded.testing.HubIntegrationTest;

/** The routing service holds to its OpenAPI document and access matrix ({@link ApiDocumentTests}). */
@HubIntegrationTest(database = "routing-api-it")
class ApiDocumentIT extends ApiDocumentTests {
}
