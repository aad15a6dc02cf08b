package org.hotline12345.embedded.indexaudit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.bson.BsonDocument;
import org.hotline12345.embedded.indexaudit.IndexedFilters.IndexSpec;
import org.junit.jupiter.api.Test;

class IndexedFiltersTest {

    private static final List<IndexSpec> TICKETS = List.of(IndexSpec.ID,
            new IndexSpec("status_resolve_by", List.of("status", "resolveBy"), Set.of()),
            new IndexSpec("ticket_number", List.of("ticketNumber"), Set.of()),
            new IndexSpec("pending", List.of("notBefore"), Set.of("status")));

    private static boolean served(String filter) {
        return served(filter, "{}");
    }

    private static boolean served(String filter, String sort) {
        return IndexedFilters.served(BsonDocument.parse(filter), BsonDocument.parse(sort), TICKETS);
    }

    @Test
    void aLookupByIdOrALeadingKeyIsServedWhateverElseItAsks() {
        assertThat(served("{_id: 'a', version: 3}")).isTrue();
        assertThat(served("{ticketNumber: '12345-20261201-0001'}")).isTrue();
        assertThat(served("{status: {$in: ['ASSIGNED', 'ACCEPTED']}, resolveBy: {$lte: {$date: 0}}}")).isTrue();
        assertThat(served("{$and: [{unitId: 'X'}, {status: 'TRIAGE'}]}")).isTrue();
    }

    @Test
    void aFilterOnKeysNoIndexLeadsWithReadsTheCollection() {
        assertThat(served("{resolveBy: {$lte: {$date: 0}}}")).as("second key of a compound index").isFalse();
        assertThat(served("{phoneHash: 'h', category: 'NOISE'}")).isFalse();
        assertThat(served("{}")).isFalse();
    }

    @Test
    void negationsAndNullsDoNotBoundAnIndex() {
        assertThat(served("{status: {$ne: 'CLOSED'}}")).isFalse();
        assertThat(served("{status: {$nin: ['CLOSED']}}")).isFalse();
        assertThat(served("{ticketNumber: null}")).isFalse();
        assertThat(served("{ticketNumber: {$exists: false}}")).isFalse();
        assertThat(served("{ticketNumber: {$exists: true}}"))
                .as("the dev stack's wire server reads the whole collection for $exists").isFalse();
        assertThat(served("{ticketNumber: {$gte: ''}}")).isTrue();
    }

    @Test
    void everyBranchOfAnOrMustBeServed() {
        assertThat(served("{$or: [{_id: 'a'}, {ticketNumber: 'n'}]}")).isTrue();
        assertThat(served("{$or: [{_id: 'a'}, {category: 'NOISE'}]}")).isFalse();
        assertThat(served("{status: 'ASSIGNED', $or: [{lease: null}, {lease: {$lte: 1}}]}")).isTrue();
    }

    @Test
    void aPartialIndexServesOnlyQueriesThatBoundItsFilter() {
        assertThat(served("{notBefore: {$lte: 5}, status: 'PENDING'}")).isTrue();
        assertThat(served("{notBefore: {$lte: 5}}")).isFalse();
    }

    @Test
    void aSortByALeadingKeyReadsInIndexOrder() {
        assertThat(served("{}", "{_id: -1}")).isTrue();
        assertThat(served("{category: 'NOISE'}", "{ticketNumber: 1}")).isTrue();
        assertThat(served("{}", "{receivedAt: -1}")).isFalse();
    }
}
