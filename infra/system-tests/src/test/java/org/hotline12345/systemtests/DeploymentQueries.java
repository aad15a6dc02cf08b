package org.hotline12345.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The PromQL queries of the deployment folder's dashboards and alert rules, and the metric names they read. */
final class DeploymentQueries {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** Label matchers, grouping clauses and range selectors: none of what they hold is a metric name. */
    private static final Pattern NOT_NAMES = Pattern.compile(
            "\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|\\{[^}]*}|\\[[^]]*]"
                    + "|\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    /** A name, and whether a call's parenthesis follows it (a function or an aggregation, not a metric). */
    private static final Pattern IDENTIFIER = Pattern.compile(
            "(?<![a-zA-Z0-9_:.])[a-zA-Z_:][a-zA-Z0-9_:]*(?=\\s*(\\()?)");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan");

    private DeploymentQueries() {
    }

    static List<String> dashboardQueries(Path dashboard) throws IOException {
        List<String> queries = new ArrayList<>();
        collect(JSON.readTree(Files.readString(dashboard)).path("panels"), queries);
        return queries;
    }

    private static void collect(JsonNode panels, List<String> queries) {
        for (JsonNode panel : panels) {
            panel.path("targets").forEach(target -> queries.add(target.path("expr").asString()));
            collect(panel.path("panels"), queries);
        }
    }

    static List<String> alertQueries(Path rules) throws IOException {
        List<String> queries = new ArrayList<>();
        YAML.readTree(Files.readString(rules)).path("groups").forEach(group -> group.path("rules")
                .forEach(rule -> queries.add(rule.path("expr").asString())));
        return queries;
    }

    /** The metric names a query selects: identifiers that are not functions, aggregations or keywords. */
    static Set<String> metricsOf(Collection<String> queries) {
        Set<String> names = new TreeSet<>();
        for (String query : queries) {
            Matcher identifier = IDENTIFIER.matcher(NOT_NAMES.matcher(query).replaceAll(" "));
            while (identifier.find()) {
                String name = identifier.group();
                boolean called = identifier.group(1) != null;
                if (!called && !KEYWORDS.contains(name.toLowerCase())) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
