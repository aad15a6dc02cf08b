package org.hotline12345.routing.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void readsATicketNumberAsIntakeWritesIt() {
        assertThat(SearchQuery.parse(" 12345-20261206-0042 ")).isEqualTo(new SearchQuery.TicketNumber(
                "12345-20261206-0042"));
    }

    @Test
    void readsAMobileNumberInEveryWayPeopleWriteItAsTheSameNumber() {
        for (String typed : List.of("13812345678", "138 1234 5678", "138-1234-5678", "+8613812345678",
                "008613812345678", "8613812345678", "１３８１２３４５６７８")) {
            assertThat(SearchQuery.parse(typed)).as(typed).isEqualTo(new SearchQuery.Phone("+8613812345678"));
        }
    }

    @Test
    void readsALandlineWithItsAreaCode() {
        assertThat(SearchQuery.parse("0851-8682 1234")).isEqualTo(new SearchQuery.Phone("+8685186821234"));
    }

    @Test
    void readsAnythingElseAsWords() {
        assertThat(SearchQuery.parse("中华北路  燃气")).isEqualTo(new SearchQuery.Words(List.of("中华北路", "燃气")));
        assertThat(SearchQuery.parse("18号")).isEqualTo(new SearchQuery.Words(List.of("18号")));
    }

    @Test
    void refusesTooShortTooLongNotQuiteANumberAndTooManyWords() {
        for (String bad : List.of("", " x ", "a".repeat(101), "12345-20261206", "1381234567", "a b c d e f")) {
            assertThatThrownBy(() -> SearchQuery.parse(bad)).as(bad).isInstanceOf(InvalidRequestException.class);
        }
    }
}
