package org.hotline12345.platform.deadletters;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** Administrators list the records this service's consumers gave up on, and replay them once the cause is fixed. */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
@PreAuthorize("hasRole('ADMIN')")
public class DeadLetterController {

    private static final int MOST = 1_000;

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    Mono<Pending> pending(@RequestParam(defaultValue = "100") int limit) {
        return deadLetters.pending(Math.max(1, Math.min(limit, MOST))).map(Pending::new);
    }

    @PostMapping("/replay")
    Mono<Replayed> replay() {
        return deadLetters.replay().map(Replayed::new).switchIfEmpty(Mono.error(() -> new ResponseStatusException(
                HttpStatus.CONFLICT, "Another replay of this service's dead letters is running.")));
    }

    record Pending(List<DeadLetter> deadLetters) {
    }

    record Replayed(int replayed) {
    }
}
