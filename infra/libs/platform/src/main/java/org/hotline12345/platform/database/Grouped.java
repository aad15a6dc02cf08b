package org.hotline12345.platform.database;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * One database round trip for whatever concurrent callers ask at a moment, instead of one each. One group's
 * work runs at a time and the next group takes everything that arrived meanwhile, so a lone request waits for
 * nobody (no timer) and many at once share one round trip. The work answers each member; a member it leaves
 * unanswered gets the work's failure, so no caller ever waits for ever.
 *
 * @param <T> what a member asks
 * @param <R> what it is answered
 */
public final class Grouped<T, R> {

    private final int most;
    private final Function<List<Member<T, R>>, Mono<Void>> work;
    private final Queue<Member<T, R>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean working = new AtomicBoolean();

    /** {@code work} answers the members of one group; a group has at most {@code most} members. */
    public Grouped(int most, Function<List<Member<T, R>>, Mono<Void>> work) {
        this.most = most;
        this.work = work;
    }

    /** The answer to {@code question}, worked out with the group it joins. */
    public Mono<R> ask(T question) {
        return Mono.create(sink -> {
            waiting.add(new Member<>(question, sink));
            workWhatWaits();
        });
    }

    /**
     * Starts a group's work unless one is under way; whoever finishes a group starts the next, so every member is
     * worked: one that loses the race for {@code working} is taken by the worker's next poll, or by the check after
     * the worker let go.
     */
    private void workWhatWaits() {
        while (working.compareAndSet(false, true)) {
            List<Member<T, R>> group = new ArrayList<>();
            Member<T, R> next;
            while (group.size() < most && (next = waiting.poll()) != null) {
                group.add(next);
            }
            if (!group.isEmpty()) {
                Mono.defer(() -> work.apply(group))
                        .doOnError(failed -> group.forEach(member -> member.fail(failed)))
                        .onErrorComplete()
                        .doFinally(signal -> {
                            group.forEach(member -> member.fail(new IllegalStateException("Left unanswered")));
                            working.set(false);
                            workWhatWaits();
                        }).subscribe();
                return;
            }
            working.set(false);
            if (waiting.isEmpty()) {
                return;
            }
        }
    }

    /** One request's question, answered once. */
    public static final class Member<T, R> {

        private final T question;
        private final MonoSink<R> sink;
        private final AtomicBoolean answered = new AtomicBoolean();

        private Member(T question, MonoSink<R> sink) {
            this.question = question;
            this.sink = sink;
        }

        public T question() {
            return question;
        }

        /** Answers with {@code answer}, or with nothing when it is null. */
        public void answer(R answer) {
            if (answered.compareAndSet(false, true)) {
                sink.success(answer);
            }
        }

        public void fail(Throwable failure) {
            if (answered.compareAndSet(false, true)) {
                sink.error(failure);
            }
        }
    }
}
