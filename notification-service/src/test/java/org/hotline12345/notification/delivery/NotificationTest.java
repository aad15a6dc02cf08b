package org.hotline12345.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.hotline12345.contracts.EventTypes;
import org.hotline12345.contracts.NotificationFailed;
import org.hotline12345.contracts.NotificationSent;
import org.junit.jupiter.api.Test;

class NotificationTest {

    private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

    @Test
    void aPendingTextIsSentOnceAndSaysSo() {
        Notification text = pending();

        text.sent("msg-1", NOW);

        assertThat(text.getStatus()).isEqualTo(Notification.Status.SENT);
        assertThat(text.getOutbox()).extracting(event -> event.type())
                .containsExactly(EventTypes.nameOf(NotificationSent.class));
        assertThatThrownBy(() -> text.sent("msg-2", NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(text.getGatewayMessageId()).isEqualTo("msg-1");
    }

    @Test
    void aSentTextIsNeitherSuppressedNorFailedAfterwards() {
        Notification text = pending();
        text.sent("msg-1", NOW);

        assertThatThrownBy(() -> text.suppress("OPTED_OUT")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> text.refused("bad number", NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(text.getStatus()).isEqualTo(Notification.Status.SENT);
        assertThat(text.getSuppressedBecause()).isNull();
    }

    @Test
    void aTextStaysPendingBetweenAttemptsAndFailsForGoodAfterTheLast() {
        Notification text = pending();

        text.attemptFailed("timeout", NOW, Duration.ofMinutes(1), 2);
        assertThat(text.getStatus()).isEqualTo(Notification.Status.PENDING);
        assertThat(text.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(60));

        text.attemptFailed("timeout", NOW, Duration.ofMinutes(1), 2);
        assertThat(text.getStatus()).isEqualTo(Notification.Status.FAILED);
        assertThat(text.getOutbox()).extracting(event -> event.type())
                .containsExactly(EventTypes.nameOf(NotificationFailed.class));
        assertThatThrownBy(() -> text.sent("msg-1", NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSuppressedTextIsNeverSent() {
        Notification text = Notification.suppressed("t-1", "TicketReceived", "e-1", "OPTED_OUT", NOW);

        assertThatThrownBy(() -> text.sent("msg-1", NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(text.getOutbox()).isEmpty();
    }

    private static Notification pending() {
        return Notification.pending("t-1", "TicketReceived", "e-1", "received", "zh", "您的诉求已登记", 1, Map.of(),
                "138****5678", NOW, NOW);
    }
}
