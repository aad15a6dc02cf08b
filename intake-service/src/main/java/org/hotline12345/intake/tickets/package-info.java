/** Registering tickets: the operator's call API, ticket numbers, idempotent retries, and the ticket's view. */
package org.hotline12345.intake.tickets;
