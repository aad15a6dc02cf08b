package org.hotline12345.routing;

import java.nio.file.Path;
import org.hotline12345.embedded.testing.PageWords;
import org.junit.jupiter.api.Test;

/**
 * The unit's workbench and the supervisor's desk take every word from the hub's two dictionaries, which say the
 * same keys in both languages.
 */
class PageWordsTest {

    @Test
    void everyWordOfThePagesIsInBothDictionaries() {
        PageWords.dictionaries().sayTheSameInBothLanguages()
                .coverThePagesUnder(Path.of("src/main/resources/static"));
    }
}
