package org.hotline12345.intake.knowledge;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An operator's word that a published article is wrong or outdated, with a note: it waits, open, for the article's
 * unit and the knowledge editors until one of them closes it with what was done.
 *
 * @param version the published version the operator read when flagging it
 * @param unit the unit that owns the article, whose staff see the flag
 * @param open whether it still waits for the unit or an editor
 */
@Document(ArticleFlag.COLLECTION)
record ArticleFlag(@Id String id, String articleId, int version, String unit, Reason reason, String note,
        String flaggedBy, Instant flaggedAt, boolean open, String closedBy, Instant closedAt, String closeNote) {

    static final String COLLECTION = "knowledge_flags";

    /** What the operator found. */
    enum Reason {
        /** The answer is not right. */
        WRONG,
        /** The answer was right once; the rules or the facts have changed since. */
        OUTDATED
    }
}
