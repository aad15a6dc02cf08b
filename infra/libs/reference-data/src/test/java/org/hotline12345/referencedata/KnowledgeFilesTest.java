package org.hotline12345.referencedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The knowledge base and synonyms a city keeps in its folder, and what a broken file is told. */
class KnowledgeFilesTest {

    @TempDir
    Path folder;

    @Test
    void readsTheSampleCitysArticlesAndSynonyms() {
        City city = City.sample();

        assertThat(city.knowledge()).hasSizeGreaterThanOrEqualTo(150);
        KnowledgeArticle first = city.knowledge().get(0);
        assertThat(first.question()).isNotBlank();
        assertThat(first.validFrom()).isNotNull();
        assertThat(city.synonyms()).anySatisfy(group -> assertThat(group).startsWith("停水").contains("没水"));
    }

    @Test
    void readsTheSecondCitysOwnKnowledge() {
        City city = City.fromFolder(SecondCityTest.URUMQI);

        assertThat(city.knowledge()).isNotEmpty()
                .allSatisfy(article -> assertThat(city.unit(article.unit())).isPresent());
        assertThat(city.synonyms()).isNotEmpty();
    }

    @Test
    void aCityWithoutKnowledgeFilesHasAnEmptyKnowledgeBase() throws IOException {
        copy(SecondCityTest.URUMQI, folder);
        Files.delete(folder.resolve("knowledge.jsonl"));
        Files.delete(folder.resolve("synonyms.txt"));

        City city = City.fromFolder(folder);

        assertThat(city.knowledge()).isEmpty();
        assertThat(city.synonyms()).isEmpty();
    }

    @Test
    void namesTheFileAndLineOfEveryBrokenArticleAndSynonymGroup() throws IOException {
        copy(SecondCityTest.URUMQI, folder);
        String good = """
                {"id":"KB-T-1","question":"暖气不热找谁","phrasings":["暖气不热"],"answer":"联系热力公司。",\
                "category":"HEATING","unit":"URUMQI_HEAT","districts":["TIANSHAN"],"basis":"通知",\
                "validFrom":"2026-01-01","validUntil":null}""";
        Files.writeString(folder.resolve("knowledge.jsonl"), String.join("\n", List.of(
                good,
                good.replace("\"HEATING\"", "\"HEATS\""),
                good.replace("KB-T-1", "KB-T-3").replace("URUMQI_HEAT", "HEAT_CO"),
                good.replace("KB-T-1", "KB-T-4").replace("[\"TIANSHAN\"]", "[\"TIANSHAN\",\"NOWHERE\"]"),
                good.replace("KB-T-1", "KB-T-5").replace("2026-01-01", "2026-02-30"),
                "",
                good.replace("KB-T-1", "KB-T-7").replace("暖气不热找谁", " ").replace("联系热力公司。", ""),
                "{\"id\": broken")) + "\n");
        Files.writeString(folder.resolve("synonyms.txt"), "# official term first\n供暖,暖气,暖器\n暖气片\n");

        String knowledge = folder.resolve("knowledge.jsonl").toString();
        assertThatThrownBy(() -> City.fromFolder(folder))
                .isInstanceOf(CityDataException.class)
                .hasMessageContaining(knowledge + ":2: id KB-T-1 appears twice (first on line 1)")
                .hasMessageContaining(knowledge + ":2: category HEATS is not in categories.json")
                .hasMessageContaining(knowledge + ":3: unit HEAT_CO is not in units.json")
                .hasMessageContaining(knowledge + ":4: district NOWHERE is not in districts.json")
                .hasMessageContaining(knowledge + ":5: validFrom 2026-02-30 is not a date")
                .hasMessageContaining(knowledge + ":7: question is missing or empty")
                .hasMessageContaining(knowledge + ":7: answer is missing or empty")
                .hasMessageContaining(knowledge + ":8: not valid JSON")
                .hasMessageContaining(folder.resolve("synonyms.txt") + ":3: a group needs at least two words");
    }

    @Test
    void keepsAnArticlesDatesAndWholeCityReach() throws IOException {
        copy(SecondCityTest.URUMQI, folder);
        Files.writeString(folder.resolve("knowledge.jsonl"), """
                {"id":"KB-T-1","question":"暖气不热找谁","answer":"联系热力公司。","category":"HEATING",\
                "unit":"URUMQI_HEAT","districts":[],"basis":"通知","validFrom":"2026-01-01","validUntil":"2026-12-31"}
                """);

        KnowledgeArticle article = City.fromFolder(folder).knowledge().get(0);

        assertThat(article.districts()).isEmpty();
        assertThat(article.phrasings()).isEmpty();
        assertThat(article.answerEn()).isNull();
        assertThat(article.validUntil()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
