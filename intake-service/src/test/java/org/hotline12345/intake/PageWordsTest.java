package org.hotline12345.intake;

import java.nio.file.Path;
import org.hotline12345.embedded.testing.PageWords;
import org.junit.jupiter.api.Test;

/**
 * The operator's console, the grid worker's page, the knowledge page and the citizen's report and follow pages
 * take every word from the hub's two dictionaries, which say the same keys in both languages.
 */
class PageWordsTest {

    @Test
    void everyWordOfThePagesIsInBothDictionaries() {
        PageWords.dictionaries().sayTheSameInBothLanguages()
                .coverThePagesUnder(Path.of("src/main/resources/static"));
    }
}
