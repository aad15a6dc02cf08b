package org.hotline12345.loadtest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to load and how hard.
 *
 * @param intake intake's base URL
 * @param servicePorts the base URLs of the four services, for their heap figures
 * @param bootstrap Kafka's bootstrap servers
 * @param mongo the MongoDB connection string (no database)
 * @param tokens the dev stack's tokens file
 * @param preload how many historical tickets to add before the load, spread over the past year
 * @param rates the arrival rates to step through, calls per second
 * @param warmup how long to load the hub before measuring (at the first rate, or closed loop before the bursts), so
 *     that the JIT compilers have done their work
 * @param step how long each rate is held
 * @param report the Markdown file the results are appended to
 * @param label what this run is, in the report
 * @param burst how long each closed-loop burst posts calls, or null for the stepped rates
 * @param clients how many clients post at once in a burst, each its next call as soon as the last one is answered
 * @param runs how many bursts, one after the other
 * @param held the services held still (SIGSTOP) while a burst's clients post, and let go when they stop, so that
 *     intake is measured alone ({@code routing}, {@code notification}, {@code analytics}); empty for none
 */
record LoadOptions(String intake, List<String> servicePorts, String bootstrap, String mongo, Path tokens,
        int preload, List<Integer> rates, Duration warmup, Duration step, Path report, String label,
        Duration burst, int clients, int runs, List<String> held) {

    static final String USAGE = """
            Usage: ./loadtest [options]
              --intake=URL         intake's base URL (http://127.0.0.1:8081)
              --services=URL,...   the services' base URLs, for heap (http://127.0.0.1:8081,...:8084)
              --bootstrap=HOSTS    Kafka bootstrap servers (127.0.0.1:9092)
              --mongo=URI          MongoDB connection string (mongodb://127.0.0.1:27017)
              --tokens=FILE        tokens file with an operator and an admin token (.devstack/tokens.json)
              --preload=N          add N historical tickets first (0)
              --rates=R,R,...      arrival rates to step through, calls/s (100,150,200,250,300,350,400)
              --warmup=SECONDS     load before measuring, at the first rate or closed loop before the
                                   bursts (300; 0 for none)
              --step=SECONDS       how long each rate is held (60)
              --report=FILE        Markdown file the results are appended to (BENCHMARKS.md)
              --label=TEXT         the run's name in the report
            Closed-loop bursts instead of stepped rates:
              --burst=SECONDS      post calls closed loop for SECONDS, then time the consumers to lag zero
              --clients=N          clients posting at once in a burst (32)
              --runs=N             bursts one after the other, 10 s apart (1)
              --hold=NAME,...      services held still (SIGSTOP) while the clients post and let go after:
                                   --hold=routing,notification,analytics measures intake alone
            """;

    private static final Set<String> NAMES = Set.of("intake", "services", "bootstrap", "mongo", "tokens", "preload",
            "rates", "warmup", "step", "report", "label", "burst", "clients", "runs", "hold");
    /** The services a burst may hold still: intake is the one measured. */
    private static final Set<String> HOLDABLE = Set.of("routing", "notification", "analytics");

    /** Whether this run is closed-loop bursts rather than stepped rates. */
    boolean bursts() {
        return burst != null;
    }

    static LoadOptions parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("not an option: " + arg + "\n" + USAGE);
            }
            String name = arg.substring(2, arg.indexOf('='));
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("no such option: --" + name + "\n" + USAGE);
            }
            given.put(name, arg.substring(arg.indexOf('=') + 1));
        }
        int preload = Integer.parseInt(given.getOrDefault("preload", "0"));
        Duration burst = given.containsKey("burst") ? Duration.ofSeconds(atLeastOne(given, "burst", "0")) : null;
        int clients = (int) atLeastOne(given, "clients", "32");
        int runs = (int) atLeastOne(given, "runs", "1");
        List<String> held = given.containsKey("hold") ? Arrays.stream(given.get("hold").split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).distinct().toList() : List.of();
        held.stream().filter(name -> !HOLDABLE.contains(name)).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("--hold takes routing, notification and analytics, not " + name
                    + "\n" + USAGE);
        });
        if (!held.isEmpty() && burst == null) {
            throw new IllegalArgumentException("--hold needs --burst\n" + USAGE);
        }
        String label = burst == null ? "End to end, open loop: stepped rates, %d tickets preloaded".formatted(preload)
                : "End to end: %d clients, %d s burst%s, %d tickets preloaded".formatted(clients, burst.toSeconds(),
                        runs == 1 ? "" : " × " + runs, preload);
        return new LoadOptions(given.getOrDefault("intake", "http://127.0.0.1:8081"),
                List.of(given.getOrDefault("services", "http://127.0.0.1:8081,http://127.0.0.1:8082,"
                        + "http://127.0.0.1:8083,http://127.0.0.1:8084").split(",")),
                given.getOrDefault("bootstrap", "127.0.0.1:9092"),
                given.getOrDefault("mongo", "mongodb://127.0.0.1:27017"),
                Path.of(given.getOrDefault("tokens", ".devstack/tokens.json")),
                preload,
                Arrays.stream(given.getOrDefault("rates", "100,150,200,250,300,350,400").split(","))
                        .map(String::trim).map(Integer::parseInt).toList(),
                // five JVMs compiling on two cores take minutes of load to settle (BENCHMARKS.md, "Warmed up")
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("warmup", "300"))),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("step", "60"))),
                Path.of(given.getOrDefault("report", "BENCHMARKS.md")),
                given.getOrDefault("label", label),
                burst, clients, runs, held);
    }

    private static long atLeastOne(Map<String, String> given, String name, String otherwise) {
        long value = Long.parseLong(given.getOrDefault(name, otherwise).trim());
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be at least 1, not " + value + "\n" + USAGE);
        }
        return value;
    }
}
