package org.hotline12345.notification.gateway;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** The texts the dev outbox recorded, newest first; numbers are masked. */
@RestController
@Validated
@PreAuthorize("hasRole('SUPERVISOR')")
class SmsOutboxController {

    private final ReactiveMongoTemplate mongo;

    SmsOutboxController(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/v1/sms-outbox")
    Flux<DevSmsOutbox.OutboxText> texts(@RequestParam(required = false) String ticketId,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        Query query = ticketId == null ? new Query() : Query.query(Criteria.where("ticketId").is(ticketId));
        return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "sentAt")).limit(limit),
                DevSmsOutbox.OutboxText.class);
    }
}
