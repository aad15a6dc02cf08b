package org.hotline12345.notification.contacts;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Numbers whose owners replied TD, STOP or 退订: they get no further texts, kept by keyed hash only. */
@Component
class OptOuts {

    private final ReactiveMongoTemplate mongo;

    OptOuts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Void> optOut(String phoneHash, Instant at) {
        return mongo.insert(new OptOut(phoneHash, at)).onErrorResume(DuplicateKeyException.class,
                already -> Mono.empty()).then();
    }

    /** Which of {@code phoneHashes} opted out, read with one query however many they are. */
    Mono<Set<String>> optedOutAmong(Collection<String> phoneHashes) {
        Set<String> asked = phoneHashes.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (asked.isEmpty()) {
            return Mono.just(Set.of());
        }
        return mongo.find(Query.query(Criteria.where("_id").in(asked)), OptOut.class)
                .map(OptOut::phoneHash)
                .collect(Collectors.toCollection(HashSet::new))
                .map(Set::copyOf);
    }

    @Document("opt_outs")
    record OptOut(@Id String phoneHash, Instant at) {
    }
}
