package org.hotline12345.notification.replies;

import java.time.Clock;
import java.time.Instant;
import org.hotline12345.notification.delivery.DeliveryReports;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reads the provider's delivery receipts: delivered to the handset, or not. */
@Service
class DeliveryReceipts {

    private final DeliveryReports reports;
    private final Clock clock;

    DeliveryReceipts(DeliveryReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    Mono<String> record(SmsWebhookController.Receipt receipt) {
        return reports.record(receipt.clientReference(), receipt.messageId(), receipt.status(), parse(receipt.at()))
                .map(known -> known ? "RECORDED" : "UNKNOWN_MESSAGE");
    }

    private Instant parse(String at) {
        try {
            return at == null ? clock.instant() : Instant.parse(at);
        } catch (RuntimeException unreadable) {
            return clock.instant();
        }
    }
}
