package org.hotline12345.notification.verification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.hotline12345.platform.problem.ResourceNotFoundException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Where a citizen who reported on the website enters the code from their receipt text, to get the texts about
 * their ticket. Anyone may call it; five tries per ticket, then the code is spent.
 */
@RestController
@Validated
class VerificationController {

    private final PhoneVerification verification;

    VerificationController(PhoneVerification verification) {
        this.verification = verification;
    }

    /** 200 when the code is right; 404 for a wrong code, an unknown ticket or one out of tries alike. */
    @PostMapping("/api/v1/public/phone-verifications")
    Mono<Verified> verify(@RequestBody @jakarta.validation.Valid Attempt attempt) {
        return verification.verify(attempt.ticketNumber(), attempt.code())
                .flatMap(verified -> verified ? Mono.just(new Verified(attempt.ticketNumber(), true))
                        : Mono.error(new ResourceNotFoundException("Code for ticket", attempt.ticketNumber())));
    }

    record Attempt(@NotBlank @Pattern(regexp = "12345-\\d{8}-\\d{4,6}") String ticketNumber,
            @NotBlank @Pattern(regexp = "\\d{6}") String code) {
    }

    record Verified(String ticketNumber, boolean verified) {
    }
}
