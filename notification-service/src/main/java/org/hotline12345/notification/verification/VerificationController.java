package org.hotline12345.notification.verification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.hotline12345.platform.problem.ResourceNotFoundException;
import org.hotline12345.platform.ratelimits.ClientAddresses;
import org.hotline12345.platform.ratelimits.RateLimits;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Where a citizen who reported on the website proves their number, to get the texts about their ticket: with the
 * code from their receipt text, or with the token of the link in it; and where they ask for a new code. Anyone may
 * call it: five tries per code and a few tries per client address and hour over all tickets, so that one client
 * cannot spend everyone's tries; a code whose tries were spent, or that expired, is replaced by asking for a new one,
 * a few per number and day; and the link's token cannot be spent at all, so nobody can leave a reporter unverified.
 */
@RestController
@Validated
class VerificationController {

    private final PhoneVerification verification;
    private final CodeTexts texts;
    private final RateLimits limits;
    private final ClientAddresses clients;
    private final VerificationLimits settings;

    VerificationController(PhoneVerification verification, CodeTexts texts, RateLimits limits,
            ClientAddresses clients, VerificationLimits settings) {
        this.verification = verification;
        this.texts = texts;
        this.limits = limits;
        this.clients = clients;
        this.settings = settings;
    }

    /**
     * 200 when the code (or the link's token) is right; 404 for a wrong one, an unknown ticket, a code out of tries
     * or a request with neither alike; 429 with {@code Retry-After} past the tries of this address.
     */
    @PostMapping("/api/v1/public/phone-verifications")
    Mono<Verified> verify(@RequestBody @Valid Attempt attempt, ServerHttpRequest request) {
        return limits.admit("code attempts from this address", "code:address:" + clients.of(request),
                        settings.attemptsPerAddress(), settings.window())
                .then(Mono.defer(() -> attempt.code() != null && attempt.token() == null
                        ? verification.verify(attempt.ticketNumber(), attempt.code())
                        : attempt.token() != null && attempt.code() == null
                                ? verification.verifyByLink(attempt.ticketNumber(), attempt.token())
                                : Mono.just(false)))
                .flatMap(verified -> verified ? Mono.just(new Verified(attempt.ticketNumber(), true))
                        : Mono.error(new ResourceNotFoundException("Code", attempt.ticketNumber())));
    }

    /**
     * A new code texted to the ticket's number, when it is a ticket from a public channel whose number is not proven
     * yet: the codes before it are void, and it has five tries of its own. 202 alike whether or not a code was sent,
     * so the answer tells nothing about the ticket; 429 with {@code Retry-After} past the new codes of this address,
     * or of the ticket's number (an unknown ticket's counted as if it were a number).
     */
    @PostMapping("/api/v1/public/phone-verifications/codes")
    Mono<ResponseEntity<CodeRequested>> sendCode(@RequestBody @Valid CodeRequest ask, ServerHttpRequest request) {
        return limits.admit("new codes asked from this address", "code-request:address:" + clients.of(request),
                        settings.codeRequestsPerAddress(), settings.window())
                .then(verification.numberOf(ask.ticketNumber()).map(phoneHash -> "code-sent:number:" + phoneHash)
                        .defaultIfEmpty("code-sent:ticket:" + ask.ticketNumber()))
                .flatMap(bucket -> limits.admit("new codes for this number", bucket, settings.codesPerNumber(),
                        settings.codesWindow()))
                .then(Mono.defer(() -> verification.newCode(ask.ticketNumber())))
                .flatMap(texts::textCode)
                .thenReturn(ResponseEntity.accepted().body(new CodeRequested(ask.ticketNumber())));
    }

    /** A code or the link's token, exactly one of them. */
    record Attempt(@NotBlank @Pattern(regexp = "12345-\\d{8}-\\d{4,6}") String ticketNumber,
            @Pattern(regexp = "\\d{6}") String code, @Pattern(regexp = "[A-Za-z0-9_-]{16}") String token) {
    }

    record Verified(String ticketNumber, boolean verified) {
    }

    record CodeRequest(@NotBlank @Pattern(regexp = "12345-\\d{8}-\\d{4,6}") String ticketNumber) {
    }

    /** The same whether or not a code went out: the ticket's number gets it, if it is one that may. */
    record CodeRequested(String ticketNumber) {
    }
}
