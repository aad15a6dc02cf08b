package org.hotline12345.referencedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A city's own folder: a second city that shares nothing with the sample, and what a broken folder is told. */
class SecondCityTest {

    static final Path URUMQI = Path.of("src/test/resources/cities/urumqi").toAbsolutePath();

    @TempDir
    Path folder;

    @Test
    void readsAnotherCityWhollyFromItsFolder() {
        City city = City.fromFolder(URUMQI);

        assertThat(city.zone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
        assertThat(city.categories()).extracting(Category::code)
                .containsExactly("SNOW_REMOVAL", "WATER_SUPPLY", "HEATING", "NOISE", "OTHER");
        // the city keeps the automatic re-route for heating, and has the centre review every other return
        assertThat(city.categories()).filteredOn(Category::returnReview).extracting(Category::code)
                .containsExactly("SNOW_REMOVAL", "WATER_SUPPLY", "NOISE", "OTHER");
        assertThat(city.gridIndex().locate(43.785, 87.625)).map(Grid::id).contains("TS-01");
        assertThat(city.gridIndex().locate(26.5785, 106.7135)).as("a point in Guiyang").isEmpty();
        assertThat(city.unit("URUMQI_HEAT")).map(Unit::zh).contains("乌鲁木齐热力集团");
        assertThat(city.firstRuleSet()).contains("snow-to-street");
        assertThat(city.smsTemplates().get("TicketReceived").get("zh")).startsWith("【乌鲁木齐12345】");
        assertThat(city.trainingComplaints()).hasSize(20);
        assertThat(city.evaluationComplaints()).hasSize(6);
        assertThat(city.extensionAllowance()).isEqualTo(new ExtensionAllowance(2, Duration.ofDays(5)));
        assertThat(city.urgencyClasses()).containsExactly(
                new UrgencyClass("HEAT_AND_WATER", "供热供水类", "Heat and water", Duration.ofHours(1),
                        Duration.ofHours(12), Duration.ofMinutes(30), null),
                new UrgencyClass("ROUTINE", "一般类", "Routine", Duration.ofHours(24), Duration.ofDays(5),
                        Duration.ofHours(6), null));
        assertThat(city.urgencyClassOf("HEATING")).map(UrgencyClass::code).contains("HEAT_AND_WATER");
        // snow removal names no class: it keeps the time limits of its priority
        assertThat(city.urgencyClassOf("SNOW_REMOVAL")).isEmpty();
    }

    @Test
    void readsAFolderWithoutUrgencyClassesAsBeforeEveryCategoryKeepingItsPrioritysLimits() throws IOException {
        copy(URUMQI, folder);
        Files.writeString(folder.resolve("city.json"), "{\"name\": \"Ürümqi\", \"zone\": \"Asia/Urumqi\"}");
        Files.writeString(folder.resolve("categories.json"), Files.readString(folder.resolve("categories.json"))
                .replaceAll(",\\s*\"urgencyClass\": \"[A-Z_]+\"", ""));

        City city = City.fromFolder(folder);

        assertThat(city.urgencyClasses()).isEmpty();
        assertThat(city.categories()).allSatisfy(c -> assertThat(c.urgencyClass()).isNull());
    }

    @Test
    void namesTheFileAndLineOfACategorysUnknownClassAndOfEveryLimitThatCannotHold() throws IOException {
        copy(URUMQI, folder);
        replace("categories.json", "\"urgencyClass\": \"ROUTINE\"", "\"urgencyClass\": \"ROUTIN\"");
        replace("city.json", "\"answerWithin\": \"12h\"", "\"answerWithin\": \"12 hours\"");
        replace("city.json", "\"warnWithin\": \"6h\"", "\"warnWithin\": \"2d\"");

        assertThatThrownBy(() -> City.fromFolder(folder))
                .isInstanceOf(CityDataException.class)
                .hasMessageContaining("has 3 problems")
                .hasMessageContaining(at("categories.json", "ROUTIN")
                        + ": urgencyClass ROUTIN is not a class of urgencyClasses in city.json "
                        + "[HEAT_AND_WATER, ROUTINE]")
                .hasMessageContaining(at("city.json", "12 hours")
                        + ": answerWithin 12 hours is not a time limit; write minutes, hours or days: 30m, 2h, 7d")
                .hasMessageContaining(at("city.json", "\"warnWithin\": \"2d\"")
                        + ": warnWithin 2d must be shorter than dispatchWithin 24h");
    }

    @Test
    void namesAnAnswerShorterThanTheDispatchAndAnExtensionShorterThanTheAnswer() throws IOException {
        copy(URUMQI, folder);
        replace("city.json", "\"answerWithin\": \"5d\"", "\"answerWithin\": \"12h\", \"longestAnswer\": \"6h\"");

        assertThatThrownBy(() -> City.fromFolder(folder))
                .hasMessageContaining("has 2 problems")
                .hasMessageContaining(at("city.json", "\"answerWithin\": \"12h\", \"longestAnswer\"")
                        + ": answerWithin 12h is shorter than dispatchWithin 24h")
                .hasMessageContaining(": longestAnswer 6h is shorter than answerWithin 12h");
    }

    @Test
    void grantsOneExtensionOfUpToThreeDaysWithoutApprovalWhereTheFolderSaysNothing() throws IOException {
        copy(URUMQI, folder);
        replace("city.json", "\"extensions\": {\n    \"withoutApproval\": 2,\n"
                + "    \"longestWithoutApprovalDays\": 5\n  },", "");

        assertThat(City.fromFolder(folder).extensionAllowance()).isEqualTo(ExtensionAllowance.DEFAULT)
                .isEqualTo(new ExtensionAllowance(1, Duration.ofDays(3)));
    }

    @Test
    void namesTheLineOfAnExtensionAllowanceThatIsNoWholeNumberInRange() throws IOException {
        copy(URUMQI, folder);
        replace("city.json", "\"withoutApproval\": 2", "\"withoutApproval\": -1");
        replace("city.json", "\"longestWithoutApprovalDays\": 5", "\"longestWithoutApprovalDays\": \"5d\"");

        assertThatThrownBy(() -> City.fromFolder(folder))
                .isInstanceOf(CityDataException.class)
                .hasMessageContaining("has 2 problems")
                .hasMessageContaining(at("city.json", "withoutApproval")
                        + ": withoutApproval must be a whole number from 0 to 10")
                .hasMessageContaining(at("city.json", "longestWithoutApprovalDays")
                        + ": longestWithoutApprovalDays must be a whole number from 0 to 90");
    }

    @Test
    void namesTheFileAndLineOfEveryProblemAtOnce() throws IOException {
        copy(URUMQI, folder);
        replace("grids.geojson", "\"streetOffice\": \"HETAN_OFFICE\"", "\"streetOffice\": \"HETAN_OFICE\"");
        replace("rules.json", "\"lead\": \"URUMQI_HEAT\"", "\"lead\": \"HEATING_CO\"");
        replace("units.json", "\"kind\": \"ENTERPRISE\"", "\"kind\": \"COMPANY\"");
        replace("complaints-corpus.tsv", "train\tNOISE\t楼下烧烤店", "train\tNOISY\t楼下烧烤店");

        assertThatThrownBy(() -> City.fromFolder(folder))
                .isInstanceOf(CityDataException.class)
                .hasMessageContaining("has 4 problems")
                .hasMessageContaining(at("grids.geojson", "HETAN_OFICE")
                        + ": streetOffice HETAN_OFICE is not a unit of kind STREET_OFFICE in units.json")
                .hasMessageContaining(at("rules.json", "HEATING_CO")
                        + ": lead HEATING_CO is not a unit in units.json nor @streetOffice nor @gridWorker")
                .hasMessageContaining(at("units.json", "COMPANY") + ": kind COMPANY is not one of")
                .hasMessageContaining(at("complaints-corpus.tsv", "NOISY")
                        + ": category NOISY is not in categories.json");
    }

    @Test
    void namesTheFileAndLineOfAReturnReviewThatIsNotTrueOrFalse() throws IOException {
        copy(URUMQI, folder);
        replace("categories.json", "\"returnReview\": false", "\"returnReview\": \"no\"");

        assertThatThrownBy(() -> City.fromFolder(folder))
                .isInstanceOf(CityDataException.class)
                .hasMessageContaining(at("categories.json", "\"returnReview\": \"no\"")
                        + ": returnReview must be true or false");
    }

    @Test
    void refusesTemplatesThatWouldFailWhenTheirTextIsDue() throws IOException {
        copy(URUMQI, folder);
        replace("sms-templates.json", "已交{unitName}办理", "已交{unit}办理");
        replace("sms-templates.json", "验证码{code}。", "。");
        replace("sms-templates.json", "。进度：{followLink}", "。");

        assertThatThrownBy(() -> City.fromFolder(folder))
                .hasMessageContaining(at("sms-templates.json", "已交{unit}办理") + ": TicketAssigned.zh uses {unit}, "
                        + "which this text has no value for; it may use {ticketNumber}, {unitName}, {resolveBy}")
                .hasMessageContaining("PublicReceipt.zh must carry {code}")
                .hasMessageContaining("TicketReceived.zh must carry {followLink} or {followToken}");
    }

    @Test
    void namesTheLineAndColumnOfMalformedJsonAndAMissingFile() throws IOException {
        copy(URUMQI, folder);
        replace("categories.json", "\"code\": \"HEATING\",", "\"code\": \"HEATING\"");
        assertThatThrownBy(() -> City.fromFolder(folder))
                .hasMessageStartingWith(folder.resolve("categories.json") + ":" + (lineOf("categories.json",
                        "HEATING") + 1) + ":")
                .hasMessageContaining("not valid JSON");

        replace("categories.json", "\"code\": \"HEATING\"", "\"code\": \"HEATING\",");
        Files.delete(folder.resolve("sms-templates.json"));
        assertThatThrownBy(() -> City.fromFolder(folder))
                .hasMessageContaining(folder.resolve("sms-templates.json") + ": the file is missing");
    }

    private String at(String file, String text) throws IOException {
        return folder.resolve(file) + ":" + lineOf(file, text);
    }

    private int lineOf(String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }

    private void replace(String file, String from, String to) throws IOException {
        String text = Files.readString(folder.resolve(file));
        assertThat(text).contains(from);
        Files.writeString(folder.resolve(file), text.replaceFirst(java.util.regex.Pattern.quote(from), to));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
