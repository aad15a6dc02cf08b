/** Citizens' replies: the provider's webhooks, reading a reply as a person would, feedback and opt-outs. */
package org.hotline12345.notification.replies;
