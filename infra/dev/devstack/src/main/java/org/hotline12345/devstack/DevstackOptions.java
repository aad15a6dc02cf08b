package org.hotline12345.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How to run the stack.
 *
 * @param home the checkout, where the service jars are built
 * @param dataDir the one folder all data lives in: broker log, database file, keys, tokens, service logs
 * @param reset start from an empty data folder
 * @param kafkaPort the broker's port
 * @param mongoPort the wire server's port
 * @param servicePorts each service's HTTP port, by service name
 * @param startServices start the four services, or only the broker and the database
 * @param quietHours hold non-urgent texts between 22:00 and 08:00 as production does; off by default so that a
 *     demo at night shows every text at once
 * @param cityDir the city's own data folder ({@code HOTLINE_CITY_DIR}), or {@code null} for the sample city
 * @param mongoUri a MongoDB to run the services against instead of the embedded wire server, or {@code null}
 */
public record DevstackOptions(Path home, Path dataDir, boolean reset, int kafkaPort, int mongoPort,
        Map<String, Integer> servicePorts, boolean startServices, boolean quietHours, JvmProfile jvm, Path cityDir,
        String mongoUri) {

    public DevstackOptions(Path home, Path dataDir, boolean reset, int kafkaPort, int mongoPort,
            Map<String, Integer> servicePorts, boolean startServices, boolean quietHours, JvmProfile jvm,
            Path cityDir) {
        this(home, dataDir, reset, kafkaPort, mongoPort, servicePorts, startServices, quietHours, jvm, cityDir, null);
    }

    public DevstackOptions(Path home, Path dataDir, boolean reset, int kafkaPort, int mongoPort,
            Map<String, Integer> servicePorts, boolean startServices, boolean quietHours, JvmProfile jvm) {
        this(home, dataDir, reset, kafkaPort, mongoPort, servicePorts, startServices, quietHours, jvm, null);
    }

    public DevstackOptions(Path home, Path dataDir, boolean reset, int kafkaPort, int mongoPort,
            Map<String, Integer> servicePorts, boolean startServices, boolean quietHours) {
        this(home, dataDir, reset, kafkaPort, mongoPort, servicePorts, startServices, quietHours,
                JvmProfile.STEADY);
    }

    /**
     * How the services' JVMs are tuned. Both keep each service within 256 MiB of heap; the README gives the start
     * time and the sustained rate measured with each.
     */
    public enum JvmProfile {
        /** The client compiler only: ready sooner, but peak throughput is lower. */
        QUICK(List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")),
        /** Both compilers: a few seconds slower to start, faster once warm. */
        STEADY(List.of("-Xms128m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:CICompilerCount=2"));

        private final List<String> flags;

        JvmProfile(List<String> flags) {
            this.flags = flags;
        }

        public List<String> flags() {
            return flags;
        }
    }

    /** The services in the order events flow through them. */
    public static final List<String> SERVICES = List.of("intake", "routing", "notification", "analytics");

    public static DevstackOptions defaults(Path home) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("intake", 8081);
        ports.put("routing", 8082);
        ports.put("notification", 8083);
        ports.put("analytics", 8084);
        ports.put("identity", 9000);
        return new DevstackOptions(home, home.resolve(".devstack"), false, 9092, 27017, ports, true, false);
    }

    /**
     * Reads {@code --data-dir DIR --reset --kafka-port N --mongo-port N --mongo-uri URI --intake-port N ...
     * --no-services}; an option's value may also follow it after {@code =}.
     */
    public static DevstackOptions parse(Path home, String... args) {
        DevstackOptions o = defaults(home);
        Path dataDir = o.dataDir();
        boolean reset = false;
        boolean services = true;
        boolean quietHours = false;
        JvmProfile jvm = JvmProfile.STEADY;
        String cityFromEnvironment = System.getenv("HOTLINE_CITY_DIR");
        Path city = cityFromEnvironment == null || cityFromEnvironment.isBlank() ? null : Path.of(cityFromEnvironment);
        int kafka = o.kafkaPort();
        int mongo = o.mongoPort();
        String mongoUri = null;
        Map<String, Integer> ports = new LinkedHashMap<>(o.servicePorts());
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                rest.add(arg.substring(0, equals));
                rest.add(arg.substring(equals + 1));
            } else {
                rest.add(arg);
            }
        }
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            switch (arg) {
                case "--reset" -> reset = true;
                case "--no-services" -> services = false;
                case "--quiet-hours" -> quietHours = true;
                case "--data-dir" -> dataDir = Path.of(value(rest, ++i, arg));
                case "--kafka-port" -> kafka = Integer.parseInt(value(rest, ++i, arg));
                case "--mongo-port" -> mongo = Integer.parseInt(value(rest, ++i, arg));
                case "--mongo-uri" -> mongoUri = mongoUri(value(rest, ++i, arg));
                case "--city" -> city = Path.of(value(rest, ++i, arg));
                case "--jvm" -> jvm = JvmProfile.valueOf(value(rest, ++i, arg).toUpperCase(java.util.Locale.ROOT));
                default -> {
                    String service = arg.startsWith("--") && arg.endsWith("-port")
                            ? arg.substring(2, arg.length() - "-port".length()) : null;
                    if (service == null || !ports.containsKey(service)) {
                        throw new IllegalArgumentException("unknown option " + arg + "\n" + usage());
                    }
                    ports.put(service, Integer.parseInt(value(rest, ++i, arg)));
                }
            }
        }
        return new DevstackOptions(home, dataDir.toAbsolutePath(), reset, kafka, mongo, ports, services, quietHours,
                jvm, city == null ? null : city.toAbsolutePath(), mongoUri);
    }

    private static String mongoUri(String uri) {
        if (!uri.startsWith("mongodb://") && !uri.startsWith("mongodb+srv://")) {
            throw new IllegalArgumentException("--mongo-uri needs a mongodb:// or mongodb+srv:// connection string, "
                    + "not " + uri + "\n" + usage());
        }
        return uri;
    }

    /**
     * The connection string of {@code database} on the MongoDB at {@code uri}: the database named in it, if any,
     * replaced, its options kept. With credentials and no {@code authSource} they are checked against the database
     * the URI named, or {@code admin}, as they were before the database changed.
     */
    public static String databaseUri(String uri, String database) {
        int hostsFrom = uri.indexOf("://") + 3;
        int hostsTo = hostsEnd(uri, hostsFrom);
        int question = uri.indexOf('?', hostsFrom);
        int queryFrom = question >= 0 ? question : uri.length();
        String named = hostsTo < queryFrom ? uri.substring(hostsTo + 1, queryFrom) : "";
        List<String> query = new ArrayList<>();
        if (queryFrom + 1 < uri.length()) {
            query.addAll(List.of(uri.substring(queryFrom + 1).split("&")));
        }
        boolean credentials = uri.substring(hostsFrom, hostsTo).contains("@");
        if (credentials && query.stream().noneMatch(option -> option.toLowerCase(Locale.ROOT)
                .startsWith("authsource="))) {
            query.add("authSource=" + (named.isEmpty() ? "admin" : named));
        }
        return uri.substring(0, hostsTo) + "/" + database + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    /** {@code uri} as it may be printed: its password left out. */
    public static String withoutPassword(String uri) {
        int hostsFrom = uri.indexOf("://") + 3;
        int at = uri.lastIndexOf('@', hostsEnd(uri, hostsFrom));
        int colon = uri.indexOf(':', hostsFrom);
        return at > hostsFrom && colon > 0 && colon < at ? uri.substring(0, colon + 1) + "***" + uri.substring(at)
                : uri;
    }

    /** Where the user and hosts of a connection string end: at its database, its options or its end. */
    private static int hostsEnd(String uri, int hostsFrom) {
        for (int i = hostsFrom; i < uri.length(); i++) {
            if (uri.charAt(i) == '/' || uri.charAt(i) == '?') {
                return i;
            }
        }
        return uri.length();
    }

    static String usage() {
        return """
                usage: devstack [--reset] [--data-dir DIR] [--kafka-port N] [--mongo-port N] [--mongo-uri URI]
                                [--intake-port N] [--routing-port N] [--notification-port N] [--analytics-port N]
                                [--identity-port N]
                                [--no-services] [--quiet-hours] [--jvm steady|quick] [--city DIR]
                  --reset        delete the data folder first and start from the sample city alone
                  --data-dir     where the broker log, the database, keys, tokens and logs live (.devstack)
                  --mongo-uri    run the services against this MongoDB (mongodb:// or mongodb+srv://), each in a
                                 database of its name, instead of the embedded wire server, which is not started
                  --no-services  start only Kafka and MongoDB, e.g. to run a service from an IDE
                  --quiet-hours  hold non-urgent texts from 22:00 to 08:00 city time, as in production
                  --jvm          steady (both JIT compilers, the default) or quick (client compiler only: starts
                                 sooner, lower peak); either way each service has at most 256 MiB of heap
                  --city         the city's own data folder (as HOTLINE_CITY_DIR); the sample city without it""";
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\n" + usage());
        }
        return args.get(i);
    }
}
