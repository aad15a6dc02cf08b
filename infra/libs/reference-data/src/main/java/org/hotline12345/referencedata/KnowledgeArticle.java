package org.hotline12345.referencedata;

import java.time.LocalDate;
import java.util.List;

/**
 * An article of the city's knowledge base as its folder ships it ({@code knowledge.jsonl}): a question the
 * operator can answer on the call (直办) with what the owning unit says.
 *
 * @param id stable identifier, unique in the file
 * @param phrasings other ways callers ask the same question
 * @param answerEn the answer in English, or {@code null} where none is given
 * @param unit the unit that owns the article and keeps it current
 * @param districts the district codes it holds for; empty for the whole city
 * @param basis the policy or notice the answer rests on
 * @param validUntil the last day it holds, or {@code null} while it holds
 */
public record KnowledgeArticle(String id, String question, List<String> phrasings, String answer, String answerEn,
        String category, String unit, List<String> districts, String basis, LocalDate validFrom,
        LocalDate validUntil) {

    public KnowledgeArticle {
        phrasings = phrasings == null ? List.of() : List.copyOf(phrasings);
        districts = districts == null ? List.of() : List.copyOf(districts);
    }
}
