package org.hotline12345.notification;

import org.hotline12345.embedded.testing.ApiDocumentTests;
import org.hotline12345.embedded.testing.HubIntegrationTest;

/** The notification service holds to its OpenAPI document and access matrix ({@link ApiDocumentTests}). */
@HubIntegrationTest(database = "notification-api-it")
class ApiDocumentIT extends ApiDocumentTests {
}
