package org.hotline12345.intake.knowledge;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.hotline12345.referencedata.City;
import org.hotline12345.referencedata.District;
import org.hotline12345.referencedata.KnowledgeArticle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long the operator waits for the knowledge search while the caller speaks: intake's own search (the in-memory
 * Lucene index with the smart Chinese analyser and the city's synonyms, {@link KnowledgeSearch}) over 10,000
 * published articles, asked the held-out operator questions of {@code knowledge-check} for the three best, as the
 * console asks; a quarter of them with the call's district, as the console asks once the address is placed. Sampled
 * one search at a time, so that JMH reports each search's latency and its percentiles (p50, p95, p99).
 *
 * <p>The articles are the sample city's 216, then variants of them up to the count, drawn with a fixed seed so that
 * every run indexes the same ones: the question of one article (with a district or street named before it, or not),
 * its phrasings mixed with those of another article of the same category, its answer's sentences followed by some of
 * the other's, the whole city or one district, and 3 in 20 of them expired or not yet valid. The day is fixed as
 * well, so that which articles hold does not change with the calendar.
 *
 * <p>In the search's own package, since the search is not public outside intake.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
public class KnowledgeSearchBenchmark {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeSearchBenchmark.class);

    static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    static final long SEED = 12345L;
    /** The articles the console shows beside the call. */
    static final int SHOWN = 3;

    @Param({"10000"})
    int articles;

    private KnowledgeSearch search;
    private String[] questions;
    private String[] districts;
    private int next;

    @Setup(Level.Trial)
    public void build() {
        City city = City.sample();
        Instant noon = DAY.atTime(12, 0).atZone(city.zone()).toInstant();
        search = new KnowledgeSearch(city, Clock.fixed(noon, city.zone()));
        List<KnowledgeArticle> generated = generate(city, articles, new Random(SEED));
        for (KnowledgeArticle article : generated) {
            search.apply(Article.seeded(article.id(), article.unit(), ArticleContent.of(article), noon));
        }
        search.refresh();
        List<KnowledgeCheck.Question> held = KnowledgeCheck.questions(null);
        questions = held.stream().map(KnowledgeCheck.Question::words).toArray(String[]::new);
        List<String> codes = city.districts().stream().map(District::code).toList();
        districts = new String[questions.length];
        for (int i = 0; i < questions.length; i++) {
            districts[i] = i % 4 == 3 ? codes.get((i / 4) % codes.size()) : null;
        }
        long valid = generated.stream().filter(article -> ArticleContent.of(article).holdsOn(DAY)).count();
        log.info("{} articles indexed ({} valid on {}), {} operator questions; {}, {} cores, Java {}",
                search.size(), valid, DAY, questions.length, System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        search.close();
    }

    /**
     * One operator question, the three best articles valid on the day (returned as an object: the code JMH generates
     * lives in another package, which cannot name the search's types).
     */
    @Benchmark
    public Object search() {
        int i = next;
        next = (next + 1) % questions.length;
        return search.search(questions[i], districts[i], SHOWN);
    }

    /** The city's articles, then variants of them up to {@code count}. */
    static List<KnowledgeArticle> generate(City city, int count, Random random) {
        List<KnowledgeArticle> base = city.knowledge();
        Map<String, List<KnowledgeArticle>> byCategory = base.stream()
                .collect(Collectors.groupingBy(KnowledgeArticle::category));
        List<District> cityDistricts = city.districts();
        List<KnowledgeArticle> articles = new ArrayList<>(Math.max(count, base.size()));
        articles.addAll(base.subList(0, Math.min(count, base.size())));
        for (int i = articles.size(); i < count; i++) {
            KnowledgeArticle template = base.get(random.nextInt(base.size()));
            List<KnowledgeArticle> kin = byCategory.get(template.category());
            KnowledgeArticle other = kin.get(random.nextInt(kin.size()));
            District district = cityDistricts.get(random.nextInt(cityDistricts.size()));
            String place = district.zh();
            if (!district.streets().isEmpty() && random.nextBoolean()) {
                place += district.streets().get(random.nextInt(district.streets().size())).zh();
            }
            String question = random.nextInt(10) < 6 ? place + "：" + template.question() : template.question();

            Set<String> phrasings = new LinkedHashSet<>();
            List<String> pool = new ArrayList<>(template.phrasings());
            pool.addAll(other.phrasings());
            Collections.shuffle(pool, random);
            pool.stream().limit(2 + random.nextInt(5)).forEach(phrasings::add);

            List<String> sentences = new ArrayList<>(List.of(template.answer().split("(?<=。)")));
            List<String> borrowed = new ArrayList<>(List.of(other.answer().split("(?<=。)")));
            Collections.shuffle(borrowed, random);
            sentences.addAll(borrowed.subList(0, Math.min(borrowed.size(), 1 + random.nextInt(2))));
            if (random.nextInt(3) == 0) {
                sentences.add("具体以" + place + "有关部门公布的为准。");
            }

            boolean oneDistrict = random.nextInt(10) < 4;
            int validity = random.nextInt(20);
            LocalDate from = validity == 0 ? DAY.plusMonths(3) : LocalDate.of(2026, 1, 1);
            LocalDate until = validity == 1 || validity == 2 ? DAY.minusMonths(1)
                    : random.nextBoolean() ? null : LocalDate.of(2027, 12, 31);
            articles.add(new KnowledgeArticle(String.format("GEN-%05d", i), question, List.copyOf(phrasings),
                    String.join("", sentences), template.answerEn(), template.category(), template.unit(),
                    oneDistrict ? List.of(district.code()) : List.of(), template.basis(), from, until));
        }
        return articles;
    }
}
