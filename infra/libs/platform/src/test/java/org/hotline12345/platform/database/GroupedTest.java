package org.hotline12345.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class GroupedTest {

    @Test
    void answersALoneQuestionAtOnceAndTheQuestionsAskedMeanwhileInOneGroup() {
        List<Integer> groupSizes = new CopyOnWriteArrayList<>();
        Sinks.Empty<Void> firstHeld = Sinks.empty();
        Grouped<Integer, Integer> grouped = new Grouped<>(100, group -> {
            groupSizes.add(group.size());
            group.forEach(member -> member.answer(member.question() * 2));
            return groupSizes.size() == 1 ? firstHeld.asMono() : Mono.empty();
        });

        Integer lone = grouped.ask(1).block(Duration.ofSeconds(5));
        List<Mono<Integer>> meanwhile = Flux.range(2, 5).map(grouped::ask).map(Mono::cache).collectList().block();
        meanwhile.forEach(Mono::subscribe);
        firstHeld.tryEmitEmpty();

        assertThat(lone).isEqualTo(2);
        assertThat(Flux.concat(meanwhile).collectList().block(Duration.ofSeconds(5)))
                .containsExactly(4, 6, 8, 10, 12);
        assertThat(groupSizes).containsExactly(1, 5);
    }

    @Test
    void failsEveryMemberOfAGroupWhoseWorkFailedAndGoesOnWithTheNext() {
        Grouped<Integer, Integer> grouped = new Grouped<>(100, group -> group.get(0).question() < 0
                ? Mono.error(new IllegalStateException("the database is down"))
                : Mono.fromRunnable(() -> group.forEach(member -> member.answer(member.question()))));

        StepVerifier.create(grouped.ask(-1)).expectErrorMessage("the database is down").verify(Duration.ofSeconds(5));
        StepVerifier.create(grouped.ask(7)).expectNext(7).verifyComplete();
    }

    @Test
    void failsAMemberTheWorkLeftUnansweredInsteadOfLeavingItWaiting() {
        Grouped<Integer, Integer> grouped = new Grouped<>(100, group -> Mono.empty());

        StepVerifier.create(grouped.ask(1)).expectError(IllegalStateException.class).verify(Duration.ofSeconds(5));
    }

    /** Threads asking at once, while groups finish on another thread, must never leave a question behind. */
    @Test
    void answersEveryQuestionOfManyThreadsAskingAtOnce() {
        Grouped<Integer, Integer> grouped = new Grouped<>(50, group -> Mono.fromRunnable(() -> group.forEach(
                member -> member.answer(member.question() + 1))).subscribeOn(Schedulers.parallel()).then());

        List<Integer> answers = Flux.range(0, 8_000)
                .parallel(8).runOn(Schedulers.boundedElastic())
                .flatMap(grouped::ask)
                .sequential().collectList().block(Duration.ofSeconds(30));

        assertThat(answers).hasSize(8_000).doesNotHaveDuplicates().allMatch(answer -> answer >= 1 && answer <= 8_000);
    }
}
