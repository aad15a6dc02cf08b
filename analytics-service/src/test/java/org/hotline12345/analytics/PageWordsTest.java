package org.hotline12345.analytics;

import java.nio.file.Path;
import org.hotline12345.embedded.testing.PageWords;
import org.junit.jupiter.api.Test;

/**
 * The analysts' dashboard take every word from the hub's two dictionaries, which say the same keys in both
 * languages.
 */
class PageWordsTest {

    @Test
    void everyWordOfThePagesIsInBothDictionaries() {
        PageWords.dictionaries().sayTheSameInBothLanguages()
                .coverThePagesUnder(Path.of("src/main/resources/static"));
    }
}
