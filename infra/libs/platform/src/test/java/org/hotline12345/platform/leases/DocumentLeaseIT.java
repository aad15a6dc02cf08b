package org.hotline12345.platform.leases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.indexaudit.IndexAuditAutoConfiguration;
import org.hotline12345.embedded.testing.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Claims on the embedded MongoDB server, as two instances of a service make them. */
@SpringBootTest(classes = DocumentLeaseIT.MongoOnly.class)
class DocumentLeaseIT {

    private static final Duration TERM = Duration.ofMinutes(2);

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({MongoReactiveAutoConfiguration.class, DataMongoReactiveAutoConfiguration.class,
            IndexAuditAutoConfiguration.class})
    static class MongoOnly {
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> SharedTestInfrastructure.get().mongo().uri("platform-leases-it"));
    }

    @Document("tasks")
    record Task(@Id String id, String queue, Instant leaseUntil, int claims, String holder) {
    }

    @Autowired
    private ReactiveMongoTemplate mongo;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T09:00:00Z"));

    @BeforeEach
    void emptyQueue() {
        mongo.dropCollection(Task.class)
                .then(mongo.indexOps(Task.class).createIndex(new Index().on("queue", Sort.Direction.ASC)))
                .block();
    }

    @Test
    void givesADocumentToExactlyOneOfTwoInstancesClaimingItAtOnce() {
        List<Task> tasks = IntStream.range(0, 50).mapToObj(i -> new Task("task-" + i, "texts", null, 0, null))
                .toList();
        mongo.insertAll(tasks).blockLast();
        DocumentLease first = new DocumentLease(mongo, clock, "leaseUntil", TERM);
        DocumentLease second = new DocumentLease(mongo, clock, "leaseUntil", TERM);

        List<Long> winnersPerTask = Flux.fromIterable(tasks)
                .flatMap(task -> Flux.merge(claimOnItsOwnThread(first, task), claimOnItsOwnThread(second, task))
                        .count())
                .collectList().block();

        assertThat(winnersPerTask).hasSize(tasks.size()).containsOnly(1L);
        List<String> ids = tasks.stream().map(Task::id).toList();
        assertThat(mongo.find(Query.query(Criteria.where("_id").in(ids)), Task.class).collectList().block())
                .hasSize(tasks.size()).allSatisfy(task -> {
                    assertThat(task.claims()).isEqualTo(1);
                    assertThat(task.leaseUntil()).isEqualTo(clock.instant().plus(TERM));
                });
    }

    @Test
    void givesEachOfSeveralClaimsTheNextDocumentNobodyHolds() {
        mongo.insertAll(List.of(new Task("a", "texts", null, 0, null), new Task("b", "texts", null, 0, null),
                new Task("c", "calls", null, 0, null))).blockLast();
        DocumentLease lease = new DocumentLease(mongo, clock, "leaseUntil", TERM);

        List<String> claimed = Flux.range(0, 3)
                .concatMap(i -> lease.claim(Criteria.where("queue").is("texts"), Task.class).map(Task::id))
                .collectList().block();

        assertThat(claimed).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void givesAHeldDocumentToAnotherClaimOnlyOnceTheTermHasPassed() {
        mongo.insert(new Task("a", "texts", null, 0, null)).block();
        DocumentLease lease = new DocumentLease(mongo, clock, "leaseUntil", TERM);
        Criteria taskA = Criteria.where("_id").is("a");

        assertThat(lease.claim(taskA, Task.class).blockOptional()).isPresent();
        clock.advance(TERM.minusSeconds(1));
        assertThat(lease.claim(taskA, Task.class).blockOptional()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(lease.claim(taskA, Task.class).blockOptional().map(Task::leaseUntil))
                .contains(clock.instant().plus(TERM));
    }

    @Test
    void claimsADocumentWhoseHolderClearedTheLease() {
        mongo.insert(new Task("a", "texts", clock.instant().plus(TERM), 0, null)).block();
        mongo.updateFirst(Query.query(Criteria.where("_id").is("a")),
                new Update().set("leaseUntil", null), Task.class).block();

        assertThat(new DocumentLease(mongo, clock, "leaseUntil", TERM)
                .claim(Criteria.where("_id").is("a"), Task.class).blockOptional()).isPresent();
    }

    @Test
    void givesEachDocumentToExactlyOneOfTwoInstancesClaimingManyAtOnce() {
        List<Task> tasks = IntStream.range(0, 300).mapToObj(i -> new Task("task-" + i, "texts", null, 0, null))
                .toList();
        mongo.insertAll(tasks).blockLast();
        DocumentLease first = new DocumentLease(mongo, clock, "leaseUntil", TERM);
        DocumentLease second = new DocumentLease(mongo, clock, "leaseUntil", TERM);

        // each instance claims batches of 40 until nothing is free, both at once on their own threads
        List<List<String>> won = Flux.merge(claimAllUntilNoneFree(first), claimAllUntilNoneFree(second))
                .collectList().block();

        List<String> all = won.stream().flatMap(List::stream).toList();
        assertThat(all).as("every task claimed once, by one instance").hasSize(tasks.size()).doesNotHaveDuplicates();
        assertThat(mongo.find(Query.query(Criteria.where("queue").is("texts")), Task.class).collectList().block())
                .allSatisfy(task -> assertThat(task.leaseUntil()).isEqualTo(clock.instant().plus(TERM)));
        assertThat(first.claimAll(Criteria.where("queue").is("texts"), "holder", 40, Task.class).block())
                .as("nothing is free while the term runs").isEmpty();
    }

    private Flux<List<String>> claimAllUntilNoneFree(DocumentLease lease) {
        return Mono.defer(() -> lease.claimAll(Criteria.where("queue").is("texts"), "holder", 40, Task.class))
                .subscribeOn(Schedulers.parallel())
                .map(claimed -> claimed.stream().map(Task::id).toList())
                .repeat()
                .takeWhile(claimed -> !claimed.isEmpty());
    }

    private Mono<Task> claimOnItsOwnThread(DocumentLease lease, Task task) {
        return Mono.defer(() -> lease.claim(Criteria.where("_id").is(task.id()), new Update().inc("claims", 1),
                Task.class)).subscribeOn(Schedulers.parallel());
    }
}
