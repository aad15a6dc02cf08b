package org.hotline12345.routing.rules.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline12345.platform.problem.IllegalTransitionException;
import org.hotline12345.referencedata.City;
import org.hotline12345.routing.rules.RoutingDecision;
import org.hotline12345.routing.rules.RoutingInput;
import org.hotline12345.routing.rules.RuleSet;
import org.hotline12345.routing.rules.RuleSetValidator;
import org.hotline12345.routing.rules.store.PastTickets.PastTicket;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Administers the rule sets: every upload is validated and stored as the next version, which new tickets are
 * routed by from then on; a dry run replays past tickets through a proposal and reports what would change.
 */
@Service
class RuleAdministration {

    static final int MAX_DRY_RUN_TICKETS = 5_000;
    private static final int EXAMPLES = 10;

    private final ReactiveMongoTemplate mongo;
    private final RuleSetStore store;
    private final PastTickets pastTickets;
    private final RuleSetValidator validator;
    private final Clock clock;

    RuleAdministration(ReactiveMongoTemplate mongo, RuleSetStore store, PastTickets pastTickets, Clock clock,
            City city) {
        this.mongo = mongo;
        this.store = store;
        this.pastTickets = pastTickets;
        this.clock = clock;
        this.validator = CityRules.validator(city);
    }

    Mono<StoredRuleSet> active() {
        return store.activeStored();
    }

    Mono<List<VersionSummary>> versions() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "_id")), StoredRuleSet.class)
                .map(VersionSummary::of).collectList();
    }

    /** Stores the proposal as the next version; it routes every ticket received from now on. */
    Mono<StoredRuleSet> upload(RuleSetProposal proposal, String by) {
        return store.activeStored().flatMap(current -> {
            int next = current.version() + 1;
            proposal.toDomain(next, validator);
            return mongo.insert(new StoredRuleSet(next, proposal.description(), proposal.rules(), clock.instant(),
                    by));
        }).onErrorMap(DuplicateKeyException.class, raced -> new IllegalTransitionException(
                "store a rule set while another upload is", "storing the same version; try again"));
    }

    /** Routes past tickets by the active rule set and by the proposal, and reports the differences. */
    Mono<DryRun> dryRun(RuleSetProposal proposal, int lastN, Instant from, Instant to) {
        RuleSet proposed = proposal.toDomain(0, validator);
        Flux<PastTicket> past = pastTickets.recent(Math.min(lastN, MAX_DRY_RUN_TICKETS), from,
                to == null ? clock.instant() : to);
        return store.active().flatMap(current -> past.collectList()
                .map(tickets -> compare(current, proposed, tickets)));
    }

    private static DryRun compare(RuleSet current, RuleSet proposed, List<PastTicket> tickets) {
        Map<String, Integer> moves = new LinkedHashMap<>();
        List<DryRun.Example> examples = new ArrayList<>();
        for (PastTicket ticket : tickets) {
            RoutingInput input = ticket.input();
            RoutingDecision now = current.route(input, Set.of());
            RoutingDecision then = proposed.route(input, Set.of());
            String from = unitOrTriage(now);
            String to = unitOrTriage(then);
            if (!from.equals(to)) {
                moves.merge(from + " -> " + to, 1, Integer::sum);
                if (examples.size() < EXAMPLES) {
                    examples.add(new DryRun.Example(ticket.ticketId(), ticket.ticketNumber(), ticket.category(),
                            ticket.gridId(), from, to, then.ruleId(), then.cues()));
                }
            }
        }
        int changed = moves.values().stream().mapToInt(Integer::intValue).sum();
        List<DryRun.Move> byMove = moves.entrySet().stream().map(e -> {
            String[] ends = e.getKey().split(" -> ");
            return new DryRun.Move(ends[0], ends[1], e.getValue());
        }).sorted((a, b) -> b.tickets() - a.tickets()).toList();
        return new DryRun(current.version(), tickets.size(), changed, tickets.size() - changed, byMove, examples);
    }

    private static String unitOrTriage(RoutingDecision decision) {
        return decision.triage() ? "TRIAGE" : decision.leadUnit();
    }

    /** One version in the history of rule sets. */
    record VersionSummary(int version, String description, int rules, Instant createdAt, String createdBy) {
        static VersionSummary of(StoredRuleSet set) {
            return new VersionSummary(set.version(), set.description(), set.rules().size(), set.createdAt(),
                    set.createdBy());
        }
    }

    /**
     * What a proposal would change: of the tickets replayed, how many would go elsewhere, from which unit to which
     * ({@code TRIAGE} for none), with examples.
     */
    record DryRun(int comparedWithVersion, int evaluated, int changed, int unchanged, List<Move> moves,
            List<Example> examples) {

        record Move(String from, String to, int tickets) {
        }

        record Example(String ticketId, String ticketNumber, String category, String gridId, String from, String to,
                String ruleId, List<String> cues) {
        }
    }
}
