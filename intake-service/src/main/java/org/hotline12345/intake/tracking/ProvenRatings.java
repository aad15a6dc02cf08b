package org.hotline12345.intake.tracking;

import java.util.Map;
import java.util.function.Supplier;
import org.hotline12345.intake.channels.ChannelLimits;
import org.hotline12345.intake.channels.FollowTokens;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.hotline12345.platform.problem.ResourceNotFoundException;
import org.hotline12345.platform.ratelimits.ClientAddresses;
import org.hotline12345.platform.ratelimits.RateLimits;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What every rating from the follow page goes through before it is stored: the address's budget of that kind of
 * rating, then the link's token, proven as the look-up proves it, so that a wrong token, an unknown number and a
 * malformed pair answer the look-up's same 404 before the rating's own fields are looked at.
 */
@Component
class ProvenRatings {

    private final FollowTokens tokens;
    private final RateLimits limits;
    private final ClientAddresses clients;
    private final ChannelLimits settings;

    ProvenRatings(FollowTokens tokens, RateLimits limits, ClientAddresses clients, ChannelLimits settings) {
        this.tokens = tokens;
        this.limits = limits;
        this.clients = clients;
        this.settings = settings;
    }

    /**
     * Stores the rating once the address is within its budget, the token proves the ticket's number and the rating
     * has no problems; a 404 when the token does not prove the number or the store finds no ticket, a 400 naming
     * the problems.
     *
     * @param budget what the address's budget counts, as the 429 names it
     * @param budgetKey the budget's own key prefix, so each kind of rating is limited apart from look-ups
     */
    <T> Mono<T> rate(String budget, String budgetKey, ServerHttpRequest request, String ticketNumber, String token,
            Supplier<Map<String, String>> problems, Supplier<Mono<T>> store) {
        return limits.admit(budget, budgetKey + ":address:" + clients.of(request),
                        settings.lookupsPerAddress(), settings.window())
                .then(Mono.defer(() -> {
                    if (!tokens.proves(ticketNumber, token)) {
                        return Mono.<T>empty();
                    }
                    Map<String, String> found = problems.get();
                    if (!found.isEmpty()) {
                        return Mono.<T>error(new InvalidRequestException(found));
                    }
                    return store.get();
                }))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("Ticket", "looked up")));
    }
}
