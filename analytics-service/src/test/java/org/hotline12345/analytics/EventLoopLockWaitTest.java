package org.hotline12345.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.hotline12345.embedded.blocking.EventLoopWaits;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * A parallel thread that waits for a lock under BlockHound (installed in this module's test JVMs) is reported, not
 * stopped inside the lock's acquire: stopped there, it left Spring Data's mapping lock unusable and a test JVM
 * waiting for ever.
 */
class EventLoopLockWaitTest {

    @Test
    void aLockAParallelThreadWaitedForStillServesEveryoneAfter() throws InterruptedException {
        EventLoopWaits.drain();
        ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        lock.writeLock().lock();
        Mono<String> reader = Mono.fromCallable(() -> {
            lock.readLock().lock();
            try {
                return "read";
            } finally {
                lock.readLock().unlock();
            }
        }).subscribeOn(Schedulers.parallel());

        StepVerifier.create(reader)
                .then(() -> await().atMost(Duration.ofSeconds(10)).until(lock::hasQueuedThreads))
                .then(() -> lock.writeLock().unlock())
                .expectNext("read")
                .verifyComplete();

        assertThat(lock.readLock().tryLock(5, TimeUnit.SECONDS)).as("the lock serves a later reader").isTrue();
        lock.readLock().unlock();
        assertThat(EventLoopWaits.drain()).singleElement().asString().contains("waited for a lock")
                .contains(EventLoopLockWaitTest.class.getName());
    }
}
