package org.hotline12345.platform.pages;

import java.nio.file.Path;
import org.hotline12345.embedded.testing.PageWords;
import org.junit.jupiter.api.Test;

/**
 * The sign-in and signed-out pages every service serves take every word from the hub's two dictionaries, which say
 * the same keys in both languages.
 */
class PageWordsTest {

    @Test
    void everyWordOfThePagesIsInBothDictionaries() {
        PageWords.dictionaries().sayTheSameInBothLanguages()
                .coverThePagesUnder(Path.of("src/main/resources/META-INF/resources/hub"));
    }
}
