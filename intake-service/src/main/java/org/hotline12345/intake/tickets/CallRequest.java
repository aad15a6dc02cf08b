package org.hotline12345.intake.tickets;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.hotline12345.contracts.Urgency;

/**
 * A call as the operator registers it.
 *
 * @param callerPhone the number the citizen called from or gave; required unless {@code anonymous}
 * @param callerName the caller's name, optional
 * @param anonymous the caller gave no number: nobody can text them
 * @param description the citizen's words
 * @param address the address as said, when given
 * @param location where the problem is, when known
 * @param category a category code; without one the ticket goes to triage as {@code OTHER}
 * @param urgency how urgent the caller's problem is, {@code NORMAL} when not given
 * @param contactAllowed whether the caller agrees to texts and call-backs, {@code true} when not given
 * @param language {@code zh} or {@code en}, for texts; {@code zh} when not given
 * @param resolvedOnCall the operator answered it on the spot
 * @param answerGiven the answer given, required when {@code resolvedOnCall}
 * @param answeredFromArticle the knowledge article the answer came from (直办), when the operator used one
 * @param answeredFromVersion the version of that article the operator read out, required with the article
 * @param textAnswer the caller wants the answer by text too; only with {@code resolvedOnCall}, to a caller who gave
 *     a number and agrees to texts
 */
public record CallRequest(@Size(max = 40) String callerPhone, @Size(max = 50) String callerName, Boolean anonymous,
        @NotBlank @Size(max = 2000) String description, @Size(max = 200) String address,
        @Valid Location location, @Pattern(regexp = "[A-Z_]{2,40}") String category, Urgency urgency,
        Boolean contactAllowed, @Pattern(regexp = "zh|en") String language, Boolean resolvedOnCall,
        @Size(max = 2000) String answerGiven,
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}") String answeredFromArticle,
        @Positive Integer answeredFromVersion, Boolean textAnswer) {

    /** A call whose caller did not ask for the answer by text. */
    public CallRequest(String callerPhone, String callerName, Boolean anonymous, String description, String address,
            Location location, String category, Urgency urgency, Boolean contactAllowed, String language,
            Boolean resolvedOnCall, String answerGiven, String answeredFromArticle, Integer answeredFromVersion) {
        this(callerPhone, callerName, anonymous, description, address, location, category, urgency, contactAllowed,
                language, resolvedOnCall, answerGiven, answeredFromArticle, answeredFromVersion, null);
    }

    /** A call not answered from a knowledge article: every channel but the operator's console. */
    public CallRequest(String callerPhone, String callerName, Boolean anonymous, String description, String address,
            Location location, String category, Urgency urgency, Boolean contactAllowed, String language,
            Boolean resolvedOnCall, String answerGiven) {
        this(callerPhone, callerName, anonymous, description, address, location, category, urgency, contactAllowed,
                language, resolvedOnCall, answerGiven, null, null, null);
    }

    /** A WGS 84 point. */
    public record Location(@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {
    }

    boolean isAnonymous() {
        return Boolean.TRUE.equals(anonymous);
    }

    boolean isResolvedOnCall() {
        return Boolean.TRUE.equals(resolvedOnCall);
    }

    boolean wantsAnswerByText() {
        return Boolean.TRUE.equals(textAnswer);
    }
}
