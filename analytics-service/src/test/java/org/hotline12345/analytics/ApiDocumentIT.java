package org.hotline12345.analytics;

import org.hotline12345.embedded.testing.ApiDocumentTests;
import org.hotline12345.embedded.testing.HubIntegrationTest;

/** The analytics service holds to its OpenAPI document and access matrix ({@link ApiDocumentTests}). */
@HubIntegrationTest(database = "analytics-api-it")
class ApiDocumentIT extends ApiDocumentTests {
}
