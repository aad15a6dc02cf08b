/**
 * Proof that a number given on a public channel is the reporter's: a one-time code in the receipt text, entered on
 * the look-up page. Until then that number gets no other text.
 */
package org.hotline12345.notification.verification;
