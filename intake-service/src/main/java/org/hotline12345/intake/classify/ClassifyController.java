package org.hotline12345.intake.classify;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Category suggestions for operators, asked for while they type the caller's words. Nothing is stored. */
@RestController
class ClassifyController {

    private final CategorySuggester suggester;

    ClassifyController(CategorySuggester suggester) {
        this.suggester = suggester;
    }

    @PostMapping("/api/v1/classify")
    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPERVISOR', 'GRID_WORKER', 'LIAISON')")
    Mono<CategorySuggester.Suggestion> classify(@Valid @RequestBody Text text) {
        return Mono.fromSupplier(() -> suggester.explain(text.text()));
    }

    /** The words to classify. */
    record Text(@NotBlank @Size(max = 2000) String text) {
    }
}
