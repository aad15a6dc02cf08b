package org.hotline12345.intake.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline12345.referencedata.City;
import org.hotline12345.referencedata.KnowledgeArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./knowledge-check [city folder] [--day=YYYY-MM-DD]}: indexes a city's articles as intake does and searches
 * each of its held-out operator questions ({@code knowledge-questions.tsv}: the question as a caller says it, a tab,
 * the article it should find) as the console does while the operator types, and prints how often that article
 * comes first and within the three the console shows. A question whose article does not hold on the day (expired,
 * not yet valid) is counted apart, since the search rightly leaves it out.
 */
public final class KnowledgeCheck {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeCheck.class);

    static final String QUESTIONS = "knowledge-questions.tsv";
    static final int SHOWN = 3;

    private KnowledgeCheck() {
    }

    /** One held-out question and the article it should find. */
    record Question(String words, String article) {
    }

    /** What the search did on the questions. */
    record Result(int asked, int notValidOnTheDay, int first, int shown, List<String> misses) {

        List<String> report() {
            List<String> lines = new ArrayList<>();
            lines.add(String.format("%d questions whose article holds on the day (%d more ask for one that does not)",
                    asked, notValidOnTheDay));
            lines.add(String.format("top-1: %d/%d = %.1f%%", first, asked, percent(first)));
            lines.add(String.format("top-%d: %d/%d = %.1f%%", SHOWN, shown, asked, percent(shown)));
            misses.forEach(miss -> lines.add("  miss: " + miss));
            return lines;
        }

        double percent(int part) {
            return asked == 0 ? 0 : 100.0 * part / asked;
        }
    }

    public static void main(String[] args) {
        Path folder = null;
        LocalDate day = null;
        for (String arg : args) {
            if (arg.startsWith("--day=")) {
                day = LocalDate.parse(arg.substring("--day=".length()));
            } else {
                folder = Path.of(arg);
            }
        }
        City city = folder == null ? City.sample() : City.fromFolder(folder);
        LocalDate on = day != null ? day : LocalDate.now(city.zone());
        List<Question> questions = questions(folder);
        log.info("{}: {} articles, {} synonym groups, {} held-out questions, on {}", city.name(),
                city.knowledge().size(), city.synonyms().size(), questions.size(), on);
        measure(city, questions, on).report().forEach(log::info);
    }

    static Result measure(City city, List<Question> questions, LocalDate day) {
        Instant noon = day.atTime(12, 0).atZone(city.zone()).toInstant();
        Set<String> validOnTheDay = city.knowledge().stream()
                .filter(article -> ArticleContent.of(article).holdsOn(day)).map(KnowledgeArticle::id)
                .collect(Collectors.toSet());
        try (KnowledgeSearch search = new KnowledgeSearch(city, Clock.fixed(noon, city.zone()))) {
            for (KnowledgeArticle article : city.knowledge()) {
                search.apply(Article.seeded(article.id(), article.unit(), ArticleContent.of(article), noon));
            }
            search.refresh();
            int asked = 0;
            int notValid = 0;
            int first = 0;
            int shown = 0;
            List<String> misses = new ArrayList<>();
            for (Question question : questions) {
                if (!validOnTheDay.contains(question.article())) {
                    notValid++;
                    continue;
                }
                asked++;
                List<String> found = search.search(question.words(), null, SHOWN).stream()
                        .map(KnowledgeSearch.Hit::id).toList();
                if (!found.isEmpty() && found.get(0).equals(question.article())) {
                    first++;
                }
                if (found.contains(question.article())) {
                    shown++;
                } else {
                    misses.add(question.words() + " → wanted " + question.article() + ", shown " + found);
                }
            }
            return new Result(asked, notValid, first, shown, misses);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The held-out questions of the city's folder, or the sample city's. */
    static List<Question> questions(Path folder) {
        String text;
        try {
            if (folder != null) {
                Path file = folder.resolve(QUESTIONS);
                text = Files.exists(file) ? Files.readString(file) : "";
            } else {
                try (InputStream in = KnowledgeCheck.class.getResourceAsStream("/reference-data/" + QUESTIONS)) {
                    text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Question> questions = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] fields = line.strip().split("\t");
            if (line.isBlank() || line.startsWith("#") || fields.length != 2 || fields[0].equals("question")) {
                continue;
            }
            questions.add(new Question(fields[0].strip(), fields[1].strip()));
        }
        return questions;
    }
}
