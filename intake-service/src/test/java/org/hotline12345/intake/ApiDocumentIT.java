package org.hotline12345.intake;

import org.hotline12345.embedded.testing.ApiDocumentTests;
import org.hotline12345.embedded.testing.HubIntegrationTest;

/** The intake service holds to its OpenAPI document and access matrix ({@link ApiDocumentTests}). */
@HubIntegrationTest(database = "intake-api-it")
class ApiDocumentIT extends ApiDocumentTests {
}
