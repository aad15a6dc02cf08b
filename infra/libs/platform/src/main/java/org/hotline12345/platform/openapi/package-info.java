/**
 * Each service's OpenAPI document: every endpoint with the roles that may call it, its bearer security, and the
 * RFC 9457 problems it can answer.
 */
package org.hotline12345.platform.openapi;
