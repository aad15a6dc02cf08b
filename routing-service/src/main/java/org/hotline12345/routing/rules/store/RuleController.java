package org.hotline12345.routing.rules.store;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.hotline12345.platform.security.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Administrators read, replace and try out the routing rules. */
@RestController
@RequestMapping("/api/v1/rules")
@PreAuthorize("hasRole('ADMIN')")
@Validated
class RuleController {

    private final RuleAdministration rules;
    private final CurrentCaller caller;

    RuleController(RuleAdministration rules, CurrentCaller caller) {
        this.rules = rules;
        this.caller = caller;
    }

    @GetMapping
    Mono<StoredRuleSet> active() {
        return rules.active();
    }

    @GetMapping("/versions")
    Mono<List<RuleAdministration.VersionSummary>> versions() {
        return rules.versions();
    }

    /** Stores a new version; it routes every ticket received from now on. */
    @PutMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<StoredRuleSet> upload(@RequestBody RuleSetProposal proposal) {
        return caller.subject().flatMap(admin -> rules.upload(proposal, admin));
    }

    /**
     * Replays past tickets (the last {@code lastN}, or those received between {@code from} and {@code to})
     * through the proposal and says what would change; changes nothing.
     */
    @PostMapping("/dry-run")
    Mono<RuleAdministration.DryRun> dryRun(@RequestBody RuleSetProposal proposal,
            @RequestParam(defaultValue = "200") @Min(1) @Max(RuleAdministration.MAX_DRY_RUN_TICKETS) int lastN,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        if (to != null && from == null) {
            return Mono.error(new InvalidRequestException("from", "required", "is required with to"));
        }
        return rules.dryRun(proposal, from == null ? lastN : RuleAdministration.MAX_DRY_RUN_TICKETS, from, to);
    }
}
