package org.hotline12345.notification.verification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.hotline12345.platform.problem.ResourceNotFoundException;
import org.hotline12345.platform.ratelimits.ClientAddresses;
import org.hotline12345.platform.ratelimits.RateLimits;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Where a citizen who reported on the website enters the code from their receipt text, to get the texts about
 * their ticket. Anyone may call it: five tries per ticket, then the code is spent, and a few tries per client
 * address and hour over all tickets, so that one client cannot spend everyone's tries.
 */
@RestController
@Validated
class VerificationController {

    private final PhoneVerification verification;
    private final RateLimits limits;
    private final ClientAddresses clients;
    private final VerificationLimits settings;

    VerificationController(PhoneVerification verification, RateLimits limits, ClientAddresses clients,
            VerificationLimits settings) {
        this.verification = verification;
        this.limits = limits;
        this.clients = clients;
        this.settings = settings;
    }

    /**
     * 200 when the code is right; 404 for a wrong code, an unknown ticket or one out of tries alike; 429 with
     * {@code Retry-After} past the tries of this address.
     */
    @PostMapping("/api/v1/public/phone-verifications")
    Mono<Verified> verify(@RequestBody @jakarta.validation.Valid Attempt attempt, ServerHttpRequest request) {
        return limits.admit("code attempts from this address", "code:address:" + clients.of(request),
                        settings.attemptsPerAddress(), settings.window())
                .then(Mono.defer(() -> verification.verify(attempt.ticketNumber(), attempt.code())))
                .flatMap(verified -> verified ? Mono.just(new Verified(attempt.ticketNumber(), true))
                        : Mono.error(new ResourceNotFoundException("Code", attempt.ticketNumber())));
    }

    record Attempt(@NotBlank @Pattern(regexp = "12345-\\d{8}-\\d{4,6}") String ticketNumber,
            @NotBlank @Pattern(regexp = "\\d{6}") String code) {
    }

    record Verified(String ticketNumber, boolean verified) {
    }
}
