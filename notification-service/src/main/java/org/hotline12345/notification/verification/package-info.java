/**
 * Proof that a number given on a public channel is the reporter's: a one-time code in the receipt text, sent again
 * on request, or the token of the follow link the texts carry. Until then that number gets no other text.
 */
package org.hotline12345.notification.verification;
