package org.hotline12345.scalecheck;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.hotline12345.analytics.facts.Fact;
import org.hotline12345.analytics.rollups.Rollups;
import org.hotline12345.analytics.tables.Period;
import org.hotline12345.contracts.Topics;
import org.hotline12345.devstack.DemoUsers;
import org.hotline12345.devstack.Devstack;
import org.hotline12345.devstack.ServiceProcess;
import org.hotline12345.embedded.EmbeddedKafka;
import org.hotline12345.embedded.EmbeddedMongo;
import org.hotline12345.embedded.FreePorts;
import org.hotline12345.embedded.LocalKeys;
import org.hotline12345.referencedata.Category;
import org.hotline12345.referencedata.City;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the analytics service's rate and ranking queries over a generated year of a large city: N synthetic
 * ticket facts are counted into rollups with the service's own counting ({@link Rollups}) and loaded straight
 * into MongoDB, then the analytics jar is started against it and every query is timed over HTTP. The facts are
 * counted as they are generated rather than stored one by one: the queries read only the rollups, and 25 million
 * fact documents would not fit in the memory of an in-JVM database.
 */
final class ScaleCheck {

    private static final Logger log = LoggerFactory.getLogger(ScaleCheck.class);
    private static final int YEAR = 2025;

    private final long facts;
    private final int units;
    private final int grids;
    private final int districts;
    private final int samples;

    private ScaleCheck(long facts, int units, int grids, int districts, int samples) {
        this.facts = facts;
        this.units = units;
        this.grids = grids;
        this.districts = districts;
        this.samples = samples;
    }

    /** Run by {@code ./scale-check} with the checkout as {@code hotline.home}: {@code --facts=N} and the others. */
    public static void main(String[] args) throws Exception {
        run(Path.of(System.getProperty("hotline.home", ".")).toAbsolutePath().normalize(), args);
    }

    static void run(Path home, String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("facts", "25000000", "units", "400", "grids",
                "3000", "districts", "16", "samples", "200"));
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (pair.length != 2 || !options.containsKey(pair[0])) {
                throw new IllegalArgumentException("scale-check takes --facts=N --units=N --grids=N --districts=N "
                        + "--samples=N; not " + arg);
            }
            options.put(pair[0], pair[1]);
        }
        new ScaleCheck(Long.parseLong(options.get("facts")), Integer.parseInt(options.get("units")),
                Integer.parseInt(options.get("grids")), Integer.parseInt(options.get("districts")),
                Integer.parseInt(options.get("samples"))).measure(home);
    }

    private void measure(Path home) throws Exception {
        Path data = Files.createTempDirectory("scale-check");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(0, data);
                EmbeddedMongo mongo = EmbeddedMongo.inMemory()) {
            kafka.createTopics(Topics.ALL, 1);
            Instant began = Instant.now();
            Map<LocalDate, Map<String, long[]>> days = generate();
            Duration generated = Duration.between(began, Instant.now());
            int documents = load(mongo, days);
            log.info("Generated {} facts in {} s and loaded {} rollup documents in {} s", facts,
                    generated.toSeconds(), documents, Duration.between(began, Instant.now()).minus(generated)
                            .toSeconds());
            LocalKeys keys = LocalKeys.inFolder(data.resolve("keys"));
            String token = DemoUsers.tokens(keys.minter("scale-check"), City.sample()).get("analyst");
            int port = FreePorts.pick();
            try (ServiceProcess analytics = ServiceProcess.start("analytics", Devstack.jarOf(home, "analytics"),
                    port, Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "MONGODB_URI",
                            mongo.uri("analytics")),
                    List.of("--spring.security.oauth2.resourceserver.jwt.public-key-location="
                            + keys.publicKeyPem().toUri()),
                    data.resolve("analytics.log"), List.of("-Xmx1g"))) {
                awaitHealthy(analytics);
                time(analytics.url(), token);
            }
        }
    }

    /** Each day's facts, counted into the rollups of that day as the service counts them. */
    private Map<LocalDate, Map<String, long[]>> generate() {
        List<Category> categories = City.sample().categories();
        double[][] unitOdds = new double[units][];
        SplittableRandom seed = new SplittableRandom(YEAR);
        for (int u = 0; u < units; u++) {
            unitOdds[u] = new double[] {0.75 + 0.24 * seed.nextDouble(), 0.6 + 0.35 * seed.nextDouble(),
                0.7 + 0.28 * seed.nextDouble()};
        }
        LocalDate first = LocalDate.of(YEAR, 1, 1);
        List<LocalDate> year = first.datesUntil(first.plusYears(1)).toList();
        Map<LocalDate, Map<String, long[]>> counted = new ConcurrentHashMap<>();
        year.parallelStream().forEach(day -> {
            long perDay = facts / year.size() + (day.getDayOfYear() <= facts % year.size() ? 1 : 0);
            SplittableRandom random = new SplittableRandom(day.toEpochDay());
            List<Document> ofDay = new ArrayList<>((int) perDay);
            for (long i = 0; i < perDay; i++) {
                ofDay.add(fact(random, day, categories, unitOdds));
            }
            counted.put(day, Rollups.count(ofDay.stream().map(Fact::from).toList()));
        });
        return new TreeMap<>(counted);
    }

    private Document fact(SplittableRandom random, LocalDate day, List<Category> categories, double[][] unitOdds) {
        int grid = random.nextInt(grids);
        Document fact = new Document("receivedDay", day.toString())
                .append("receivedHour", String.format("%02d", random.nextInt(24)))
                .append("category", categories.get(random.nextInt(categories.size())).code());
        // about one call in twenty is answered on the spot and never reaches a unit
        if (random.nextInt(20) == 0) {
            return fact.append("resolvedAtIntake", true);
        }
        int unit = random.nextInt(units);
        double[] odds = unitOdds[unit];
        boolean rated = random.nextDouble() < 0.7;
        return fact.append("unitId", String.format("U%03d", unit)).append("gridId", String.format("G%05d", grid))
                .append("district", String.format("D%02d", grid % districts)).append("assigned", true)
                .append("acceptedOnTime", random.nextDouble() < odds[0]).append("rated", rated)
                .append("solved", rated && random.nextDouble() < odds[1])
                .append("satisfied", rated && random.nextDouble() < odds[2]);
    }

    /** Writes the day, week and month rollups, weeks and months summed from their days as the refresh does. */
    private int load(EmbeddedMongo mongo, Map<LocalDate, Map<String, long[]>> days) {
        Map<String, Map<String, long[]>> weeks = new TreeMap<>();
        Map<String, Map<String, long[]>> months = new TreeMap<>();
        List<Document> documents = new ArrayList<>();
        days.forEach((day, counts) -> {
            documents.addAll(Rollups.documents(Period.DAY, Period.DAY.of(day), counts));
            sum(weeks.computeIfAbsent(Period.WEEK.of(day), w -> new LinkedHashMap<>()), counts);
            sum(months.computeIfAbsent(Period.MONTH.of(day), m -> new LinkedHashMap<>()), counts);
        });
        // the weeks cut by the year's ends hold only its days, as a recount would with no facts outside the year
        weeks.forEach((week, counts) -> documents.addAll(Rollups.documents(Period.WEEK, week, counts)));
        months.forEach((month, counts) -> documents.addAll(Rollups.documents(Period.MONTH, month, counts)));
        try (MongoClient client = MongoClients.create(mongo.uri("analytics"))) {
            MongoCollection<Document> rollups = client.getDatabase("analytics").getCollection(Rollups.COLLECTION);
            for (int i = 0; i < documents.size(); i += 50) {
                rollups.insertMany(documents.subList(i, Math.min(documents.size(), i + 50)));
            }
        }
        return documents.size();
    }

    private static void sum(Map<String, long[]> into, Map<String, long[]> counts) {
        counts.forEach((key, values) -> {
            long[] total = into.computeIfAbsent(key, k -> new long[values.length]);
            for (int i = 0; i < values.length; i++) {
                total[i] += values[i];
            }
        });
    }

    private void time(String url, String token) throws Exception {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("ranking, one month", "/api/v1/analytics/ranking?month=2025-12");
        queries.put("units by month, whole year", "/api/v1/analytics/rates?groupBy=unit&period=month"
                + "&from=2025-01-01&to=2025-12-31");
        queries.put("units by month, months cut by the range", "/api/v1/analytics/rates?groupBy=unit&period=month"
                + "&from=2025-03-15&to=2025-09-14");
        queries.put("districts by week, whole year", "/api/v1/analytics/rates?groupBy=district&period=week"
                + "&from=2025-01-01&to=2025-12-31");
        queries.put("categories by month, whole year", "/api/v1/analytics/rates?groupBy=category&period=month"
                + "&from=2025-01-01&to=2025-12-31");
        queries.put("city by day, whole year", "/api/v1/analytics/rates?groupBy=city&period=day"
                + "&from=2025-01-01&to=2025-12-31");
        queries.put("overview, whole year", "/api/v1/analytics/overview?from=2025-01-01&to=2025-12-31");
        queries.put("volume by hour, whole year", "/api/v1/analytics/volume?by=hour&from=2025-01-01&to=2025-12-31");
        queries.put("volume by day, one month", "/api/v1/analytics/volume?by=day&from=2025-11-01&to=2025-11-30");
        queries.put("grids, one month", "/api/v1/analytics/rates?groupBy=grid&period=month"
                + "&from=2025-11-01&to=2025-11-30");
        // plain HTTP/1.1 as browsers and dashboards speak it to the service; a lost answer fails the run
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        StringBuilder table = new StringBuilder(String.format("%n%s facts, %d units, %d grids, %d districts; "
                + "%d timed requests per query after %d warm-up%n%n| query | rows | bytes | p50 ms | p95 ms | max ms |"
                + "%n| --- | --- | --- | --- | --- | --- |%n", facts, units, grids, districts, samples, samples / 10));
        for (Map.Entry<String, String> query : queries.entrySet()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + query.getValue()))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
            log.info("Timing {}", query.getKey());
            HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (first.statusCode() != 200) {
                throw new IllegalStateException(query.getValue() + " answered " + first.statusCode() + ": "
                        + first.body());
            }
            for (int i = 0; i < samples / 10; i++) {
                http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            double[] millis = new double[samples];
            for (int i = 0; i < samples; i++) {
                long start = System.nanoTime();
                http.send(request, HttpResponse.BodyHandlers.ofString());
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            table.append(String.format("| %s | %d | %d | %.1f | %.1f | %.1f |%n", query.getKey(),
                    first.body().split("\"group\"|\"unitId\"", -1).length - 1, first.body().length(),
                    millis[(int) Math.ceil(0.50 * samples) - 1], millis[(int) Math.ceil(0.95 * samples) - 1],
                    millis[samples - 1]));
        }
        log.info("{}", table);
    }

    private static void awaitHealthy(ServiceProcess service) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (!service.healthy()) {
            if (!service.alive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("analytics did not start:\n" + service.logTail(40));
            }
            Thread.sleep(250);
        }
    }
}
