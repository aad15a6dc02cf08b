package org.hotline12345.platform.scheduling;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs {@link #runOnce()} every interval while the application runs: one pass at a time (a tick that comes while a
 * pass is still running is dropped), and a failed pass is logged and tried again at the next tick.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration interval;
    private volatile Disposable running;

    protected PeriodicTask(String name, Duration interval) {
        this.name = name;
        this.interval = interval;
    }

    /** One pass; completes with how many things it acted on. */
    public abstract Mono<Long> runOnce();

    /** Whether a pass that acted is worth a log line; one every few seconds while events flow is not. */
    protected boolean reportsEachPass() {
        return true;
    }

    @Override
    public void start() {
        running = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> runOnce().onErrorResume(e -> {
                    log.warn("{} failed; will try again", name, e);
                    return Mono.just(0L);
                }), 1)
                .subscribe(count -> {
                    if (count > 0 && reportsEachPass()) {
                        log.info("{}: {}", name, count);
                    }
                });
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null && !running.isDisposed();
    }
}
