package org.hotline12345.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Prometheus' configuration and alert rules checked by Prometheus' own {@code promtool} (the rules' unit tests too),
 * and the Grafana dashboards: each panel's query parsed by promtool as PromQL, on the provisioned data source, and
 * every alert's runbook a section of the README. (That each query names a metric the services publish is checked
 * against the running services by {@code MonitoringIT} in {@code infra/system-tests}.)
 */
class MonitoringConfigTest {

    static final Path PROMETHEUS = Tools.DEPLOY.resolve("prometheus");
    static final Path GRAFANA = Tools.DEPLOY.resolve("grafana");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final YAMLMapper YAML = YAMLMapper.builder().build();

    @TempDir
    Path scratch;

    @Test
    void prometheusAcceptsItsConfigurationAndRules() {
        assertThat(Tools.run(PROMETHEUS, "promtool", "check", "config", "prometheus.yml")).contains("SUCCESS");
        assertThat(Tools.run(PROMETHEUS, "promtool", "check", "rules", "alerts.yml")).contains("SUCCESS");
    }

    @Test
    void everyAlertFiresWhenItShouldAndNotOtherwise() throws IOException {
        String tested = Files.readString(PROMETHEUS.resolve("alerts.test.yml"));
        Set<String> alerts = new HashSet<>();
        YAML.readTree(PROMETHEUS.resolve("alerts.yml").toFile()).path("groups").forEach(group -> group.path("rules")
                .forEach(rule -> alerts.add(rule.path("alert").asString())));

        assertThat(Tools.run(PROMETHEUS, "promtool", "test", "rules", "alerts.test.yml")).contains("SUCCESS");
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(alert -> assertThat(tested).as("a test of " + alert).contains("alertname: " + alert));
    }

    @Test
    void everyAlertsRunbookIsASectionOfTheReadme() throws IOException {
        Set<String> anchors = new HashSet<>();
        // GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens
        Files.readAllLines(Tools.DEPLOY.resolve("../../README.md").normalize()).stream()
                .filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+ ", "").toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^a-z0-9 \\-]", "").replace(' ', '-'))
                .forEach(anchors::add);
        YAML.readTree(PROMETHEUS.resolve("alerts.yml").toFile()).path("groups").forEach(group -> group.path("rules")
                .forEach(rule -> {
                    String runbook = rule.path("annotations").path("runbook").asString();
                    assertThat(runbook).as(rule.path("alert").asString()).startsWith("README.md#");
                    String anchor = runbook.substring("README.md#".length());
                    assertThat(anchors).as(runbook).contains(anchor);
                }));
    }

    @Test
    void everyPanelQueriesTheProvisionedPrometheusInValidPromQl() throws IOException {
        String source = YAML.readTree(GRAFANA.resolve("provisioning/datasources/prometheus.yaml").toFile())
                .path("datasources").get(0).path("uid").asString();
        List<String> queries = new ArrayList<>();
        Set<String> uids = new HashSet<>();
        try (var dashboards = Files.newDirectoryStream(GRAFANA.resolve("dashboards"), "*.json")) {
            for (Path file : dashboards) {
                JsonNode dashboard = JSON.readTree(Files.readString(file));
                assertThat(uids.add(dashboard.path("uid").asString())).as(file + " has its own uid").isTrue();
                assertThat(dashboard.path("title").asString()).isNotBlank();
                panels(dashboard.path("panels"), file, source, queries);
            }
        }
        assertThat(uids).contains("hotline-operations", "hotline-business");

        // promtool parses each query when it checks a rule file: one recording rule per panel query
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
        for (int i = 0; i < queries.size(); i++) {
            rules.append("      - record: dashboard:query_").append(i).append("\n        expr: ")
                    .append(JSON.writeValueAsString(queries.get(i).replace("$__rate_interval", "5m")
                            .replace("$__interval", "1m").replace("$__range", "1h"))).append('\n');
        }
        Path file = scratch.resolve("dashboard-queries.yml");
        Files.writeString(file, rules);
        assertThat(Tools.run(scratch, "promtool", "check", "rules", file.toString())).contains("SUCCESS")
                .contains(queries.size() + " rules found");
    }

    private static void panels(JsonNode panels, Path file, String source, List<String> queries) {
        for (JsonNode panel : panels) {
            if ("row".equals(panel.path("type").asString())) {
                panels(panel.path("panels"), file, source, queries);
                continue;
            }
            String title = file.getFileName() + ": " + panel.path("title").asString();
            assertThat(panel.path("title").asString()).as(file + " panel " + panel.path("id")).isNotBlank();
            assertThat(panel.path("gridPos").path("w").asInt()).as(title).isPositive();
            assertThat(panel.path("datasource").path("uid").asString()).as(title).isEqualTo(source);
            assertThat(panel.path("targets")).as(title).isNotEmpty();
            panel.path("targets").forEach(target -> queries.add(target.path("expr").asString()));
        }
    }
}
