package org.hotline12345.notification.delivery;

import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Numbers whose owners replied TD, STOP or 退订: they get no further texts, kept by keyed hash only. */
@Component
public class OptOuts {

    private final ReactiveMongoTemplate mongo;

    OptOuts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> optOut(String phoneHash, Instant at) {
        return mongo.insert(new OptOut(phoneHash, at)).onErrorResume(DuplicateKeyException.class,
                already -> Mono.empty()).then();
    }

    public Mono<Boolean> optedOut(String phoneHash) {
        return phoneHash == null ? Mono.just(false) : mongo.exists(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(phoneHash)),
                OptOut.class);
    }

    @Document("opt_outs")
    record OptOut(@Id String phoneHash, Instant at) {
    }
}
