package org.hotline12345.intake.tickets;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.hotline12345.contracts.CategorySuggestion;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.KnowledgeAnswer;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.platform.pii.PhoneNumbers;
import org.hotline12345.intake.normalise.TextCleaner;
import org.hotline12345.intake.normalise.UrgencyCues;
import org.hotline12345.platform.problem.FieldCodes;
import org.hotline12345.platform.problem.FieldError;
import org.hotline12345.platform.problem.InvalidRequestException;

/** Checks what bean validation cannot see in a call and puts its fields into canonical form. */
final class CallNormaliser {

    static final int MIN_DESCRIPTION = 4;

    private final Set<String> categories;
    private final Function<String, CategorySuggestion> classifier;
    private final BiPredicate<String, Integer> answeringArticle;

    /**
     * {@code classifier} suggests a category from the description when the caller gave none;
     * {@code answeringArticle} says whether a version of an article may answer a call today.
     */
    CallNormaliser(Set<String> categories, Function<String, CategorySuggestion> classifier,
            BiPredicate<String, Integer> answeringArticle) {
        this.categories = Set.copyOf(categories);
        this.classifier = classifier;
        this.answeringArticle = answeringArticle;
        PhoneNumbers.loadMetadata();
    }

    /** The normalised call; throws naming every field that is wrong. */
    NormalisedCall normalise(CallRequest call) {
        return normalise(call, Map.of(), Channel.PHONE, null);
    }

    /**
     * The normalised call; throws naming every field that is wrong, those that bean validation already found
     * ({@code knownErrors}) and those only the domain can see.
     */
    NormalisedCall normalise(CallRequest call, Map<String, FieldError> knownErrors, Channel channel, String gridId) {
        Map<String, FieldError> errors = new LinkedHashMap<>();
        String phone = null;
        if (!call.isAnonymous()) {
            Optional<String> e164 = PhoneNumbers.toE164(call.callerPhone());
            if (call.callerPhone() == null || call.callerPhone().isBlank()) {
                refuse(errors, "callerPhone", FieldCodes.REQUIRED, "is required unless the caller is anonymous");
            } else if (e164.isEmpty()) {
                refuse(errors, "callerPhone", "phone", "is not a possible mainland China phone number");
            } else {
                phone = e164.get();
            }
        }
        String description = TextCleaner.clean(call.description());
        if (description == null || description.codePointCount(0, description.length()) < MIN_DESCRIPTION) {
            refuse(errors, "description", "too-short", "must say what the problem is in at least " + MIN_DESCRIPTION
                    + " characters");
        }
        String address = TextCleaner.clean(call.address());
        // a question answered on the phone has no place; only a ticket that is dispatched must say where to go
        if (!call.isResolvedOnCall() && (address == null || address.isEmpty()) && call.location() == null) {
            refuse(errors, "location", "location-required", "give a location or an address");
        }
        String category = call.category();
        if (category != null && !categories.contains(category)) {
            refuse(errors, "category", FieldCodes.UNKNOWN, "is not a category of the taxonomy");
        }
        String answer = TextCleaner.clean(call.answerGiven());
        if (call.isResolvedOnCall() && (answer == null || answer.isEmpty())) {
            refuse(errors, "answerGiven", FieldCodes.REQUIRED, "is required when the call was resolved on the spot");
        }
        KnowledgeAnswer answeredFrom = null;
        if (call.answeredFromArticle() != null || call.answeredFromVersion() != null) {
            if (!call.isResolvedOnCall()) {
                refuse(errors, "answeredFromArticle", "answered-on-call-only",
                        "names the article a call was answered with on the spot, so only with resolvedOnCall");
            } else if (call.answeredFromArticle() == null || call.answeredFromVersion() == null) {
                refuse(errors, call.answeredFromArticle() == null ? "answeredFromArticle" : "answeredFromVersion",
                        FieldCodes.REQUIRED, "the article and its version go together");
            } else if (!answeringArticle.test(call.answeredFromArticle(), call.answeredFromVersion())) {
                refuse(errors, "answeredFromArticle", "not-answering", "names no published article valid today, "
                        + "or a version of it that was never published");
            } else {
                answeredFrom = new KnowledgeAnswer(call.answeredFromArticle(), call.answeredFromVersion());
            }
        }
        if (call.wantsAnswerByText()) {
            if (!call.isResolvedOnCall()) {
                refuse(errors, "textAnswer", "answered-on-call-only",
                        "texts the answer given on the spot, so only with resolvedOnCall");
            } else if (call.isAnonymous() || Boolean.FALSE.equals(call.contactAllowed())) {
                refuse(errors, "textAnswer", "not-textable",
                        "needs a caller who gave their number and agrees to texts");
            }
        }
        errors.putAll(knownErrors);
        if (!errors.isEmpty()) {
            throw InvalidRequestException.of(errors.values());
        }
        CategorySuggestion suggestion = category == null ? classifier.apply(description) : null;
        if (suggestion != null) {
            category = suggestion.needsTriage() ? "OTHER" : suggestion.category();
        }
        Urgency urgency = call.urgency() != null ? call.urgency()
                : UrgencyCues.infer(description).map(UrgencyCues.Inferred::urgency).orElse(Urgency.NORMAL);
        return new NormalisedCall(channel, phone, TextCleaner.clean(call.callerName()), description, address,
                call.location(), gridId, category, urgency,
                phone != null && !Boolean.FALSE.equals(call.contactAllowed()),
                call.language() == null ? "zh" : call.language(), call.isResolvedOnCall(), answer, answeredFrom,
                suggestion, call.wantsAnswerByText());
    }

    private static void refuse(Map<String, FieldError> errors, String field, String code, String message) {
        errors.put(field, new FieldError(field, code, message));
    }

    /**
     * A call, complaint or report in canonical form; {@code phoneE164} is {@code null} for an anonymous caller and
     * a grid worker's report, {@code gridId} is given only by grid workers; {@code suggestion} is the classifier's
     * when the caller gave no category; {@code textAnswer}: the caller of a call answered on the spot asked for the
     * answer by text.
     */
    record NormalisedCall(Channel channel, String phoneE164, String name, String description, String address,
            CallRequest.Location location, String gridId, String category, Urgency urgency, boolean contactAllowed,
            String language, boolean resolvedOnCall, String answerGiven, KnowledgeAnswer answeredFrom,
            CategorySuggestion suggestion, boolean textAnswer) {
    }
}
