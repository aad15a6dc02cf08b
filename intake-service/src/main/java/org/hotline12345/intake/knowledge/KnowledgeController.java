package org.hotline12345.intake.knowledge;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.hotline12345.referencedata.City;
import org.hotline12345.referencedata.District;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The knowledge base's API: units draft and submit their articles, knowledge editors review, publish, send back and
 * retire them, the centre's staff read and search what is published and flag what is wrong or outdated; the units
 * and the editors see the open flags and the articles about to expire; the editors import an existing knowledge
 * base.
 */
@RestController
@RequestMapping("/api/v1/knowledge")
@Validated
class KnowledgeController {

    private static final String ARTICLE_ID = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";
    private static final String FLAG_ID = "FL-[a-f0-9]{12}";

    private final KnowledgeWorkflow workflow;
    private final KnowledgeAttention attention;
    private final KnowledgeSearch search;
    private final KnowledgeImport importer;
    private final City city;
    private final Clock clock;

    KnowledgeController(KnowledgeWorkflow workflow, KnowledgeAttention attention, KnowledgeSearch search,
            KnowledgeImport importer, City city, Clock clock) {
        this.workflow = workflow;
        this.attention = attention;
        this.search = search;
        this.importer = importer;
        this.city = city;
        this.clock = clock;
    }

    /** What the search answers: the best articles valid on {@code day} in the city, best first. */
    record SearchAnswer(LocalDate day, List<KnowledgeSearch.Hit> articles) {
    }

    /**
     * The best published articles valid today for the caller's words, holding for {@code district} (or the whole
     * city), with the matched words marked ({@code <mark>}, the rest HTML-escaped).
     */
    @GetMapping("/search")
    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPERVISOR', 'KNOWLEDGE_EDITOR')")
    Mono<SearchAnswer> search(@RequestParam @NotBlank @Size(max = 200) String q,
            @RequestParam(required = false) @Size(max = 40) String district,
            @RequestParam(defaultValue = "3") @Min(1) @Max(10) int limit) {
        if (district != null && city.districts().stream().map(District::code).noneMatch(district::equals)) {
            return Mono.error(new InvalidRequestException("district", "unknown", "is not a district of the city"));
        }
        // the analyser and the index are plain blocking Java: kept off the event loop
        return Mono.fromCallable(() -> new SearchAnswer(LocalDate.ofInstant(clock.instant(), city.zone()),
                        search.search(q, district, limit)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** A unit's staff list their unit's articles; an editor every article, or one unit's. */
    @GetMapping("/articles")
    @PreAuthorize("hasAnyRole('UNIT', 'KNOWLEDGE_EDITOR')")
    Mono<List<ArticleView>> articles(@RequestParam(required = false) @Size(max = 40) String unit) {
        return workflow.list(unit);
    }

    /** A new draft of the caller's unit: 201 with its id and revision. */
    @PostMapping("/articles")
    @PreAuthorize("hasRole('UNIT')")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ArticleView> create(@RequestBody ArticleRequest request) {
        return workflow.create(request);
    }

    @GetMapping("/articles/{id}")
    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPERVISOR', 'KNOWLEDGE_EDITOR', 'UNIT')")
    Mono<ArticleView> article(@PathVariable @Pattern(regexp = ARTICLE_ID) String id) {
        return workflow.view(id);
    }

    /** Every published version of the article, newest first. */
    @GetMapping("/articles/{id}/history")
    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPERVISOR', 'KNOWLEDGE_EDITOR', 'UNIT')")
    Mono<List<ArticleVersion>> history(@PathVariable @Pattern(regexp = ARTICLE_ID) String id) {
        return workflow.history(id);
    }

    /** Replaces the draft (or starts one on the published version) as of the {@code revision} it names. */
    @PutMapping("/articles/{id}/draft")
    @PreAuthorize("hasRole('UNIT')")
    Mono<ArticleView> editDraft(@PathVariable @Pattern(regexp = ARTICLE_ID) String id,
            @RequestBody ArticleRequest request) {
        return workflow.editDraft(id, request);
    }

    @PostMapping("/articles/{id}/submit")
    @PreAuthorize("hasRole('UNIT')")
    Mono<ArticleView> submit(@PathVariable @Pattern(regexp = ARTICLE_ID) String id,
            @RequestBody ArticleDecision decision) {
        return workflow.submit(id, decision);
    }

    /** What waits for an editor, longest waiting first. */
    @GetMapping("/review-queue")
    @PreAuthorize("hasRole('KNOWLEDGE_EDITOR')")
    Mono<List<ArticleView>> reviewQueue() {
        return workflow.reviewQueue();
    }

    /** Publishes the submitted draft: every instance searches it within seconds. */
    @PostMapping("/articles/{id}/publish")
    @PreAuthorize("hasRole('KNOWLEDGE_EDITOR')")
    Mono<ArticleView> publish(@PathVariable @Pattern(regexp = ARTICLE_ID) String id,
            @RequestBody ArticleDecision decision) {
        return workflow.publish(id, decision);
    }

    /** Sends the submitted draft back to its unit with a {@code reason}. */
    @PostMapping("/articles/{id}/send-back")
    @PreAuthorize("hasRole('KNOWLEDGE_EDITOR')")
    Mono<ArticleView> sendBack(@PathVariable @Pattern(regexp = ARTICLE_ID) String id,
            @RequestBody ArticleDecision decision) {
        return workflow.sendBack(id, decision);
    }

    /** Takes the article out of the search on every instance within seconds; its history stays. */
    @PostMapping("/articles/{id}/retire")
    @PreAuthorize("hasRole('KNOWLEDGE_EDITOR')")
    Mono<ArticleView> retire(@PathVariable @Pattern(regexp = ARTICLE_ID) String id,
            @RequestBody ArticleDecision decision) {
        return workflow.retire(id, decision);
    }

    /** An operator flags the published article as wrong or outdated, with a note for its unit and the editors. */
    @PostMapping("/articles/{id}/flags")
    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPERVISOR')")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ArticleFlag> flag(@PathVariable @Pattern(regexp = ARTICLE_ID) String id, @RequestBody FlagRequest request) {
        return attention.flag(id, request);
    }

    /** The open flags: a unit's staff their unit's, an editor every unit's, oldest first. */
    @GetMapping("/flags")
    @PreAuthorize("hasAnyRole('UNIT', 'KNOWLEDGE_EDITOR')")
    Mono<List<ArticleFlag>> flags() {
        return attention.openFlags();
    }

    /** Closes an open flag with what was done about it (optional). */
    @PostMapping("/flags/{flagId}/close")
    @PreAuthorize("hasAnyRole('UNIT', 'KNOWLEDGE_EDITOR')")
    Mono<ArticleFlag> closeFlag(@PathVariable @Pattern(regexp = FLAG_ID) String flagId,
            @RequestBody(required = false) FlagRequest request) {
        return attention.close(flagId, request);
    }

    /**
     * Imports an existing knowledge base: a CSV file ({@code text/csv}, UTF-8, a header naming the columns, the
     * phrasings and the district codes separated by {@code |} within their cells) or JSON lines
     * ({@code application/x-ndjson}, the fields of a city's {@code knowledge.jsonl}), one article a row with its stable
     * {@code id}. Every line is checked first: 400 naming each bad line and field, nothing stored. Otherwise the
     * articles not stored yet are published as their first version; those whose id is stored already are left as they
     * are, so importing the same file again stores nothing twice.
     */
    @PostMapping("/import")
    @PreAuthorize("hasRole('KNOWLEDGE_EDITOR')")
    @Operation(requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
        @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
        @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string"))}))
    Mono<KnowledgeImport.Result> importArticles(ServerHttpRequest request) {
        // read here, past the role check, within the upload bound the body filter keeps
        return DataBufferUtils.join(request.getBody()).map(buffer -> {
            try {
                byte[] bytes = new byte[buffer.readableByteCount()];
                buffer.read(bytes);
                return bytes;
            } finally {
                DataBufferUtils.release(buffer);
            }
        }).defaultIfEmpty(new byte[0])
                .flatMap(bytes -> importer.importFile(request.getHeaders().getContentType(), bytes));
    }

    /** Live articles whose last valid day is within {@code days} (30 unless asked), soonest first. */
    @GetMapping("/expiring")
    @PreAuthorize("hasAnyRole('UNIT', 'KNOWLEDGE_EDITOR')")
    Mono<List<ArticleView>> expiring(@RequestParam(defaultValue = "30") @Min(0) @Max(KnowledgeAttention.MOST_DAYS)
            int days) {
        return attention.expiring(days);
    }
}
