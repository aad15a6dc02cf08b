package org.hotline12345.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DevstackOptionsTest {

    private final Path home = Path.of("/srv/hotline");

    @Test
    void defaultsToTheDocumentedPortsAndAFolderInTheCheckout() {
        DevstackOptions options = DevstackOptions.parse(home);

        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.mongoPort()).isEqualTo(27017);
        assertThat(options.servicePorts()).containsEntry("intake", 8081).containsEntry("routing", 8082)
                .containsEntry("notification", 8083).containsEntry("analytics", 8084);
        assertThat(options.dataDir()).isEqualTo(Path.of("/srv/hotline/.devstack"));
        assertThat(options.reset()).isFalse();
        assertThat(options.startServices()).isTrue();
    }

    @Test
    void takesEveryPortTheDataFolderAndReset() {
        DevstackOptions options = DevstackOptions.parse(home, "--reset", "--data-dir", "/tmp/hub", "--kafka-port",
                "19092", "--mongo-port", "37017", "--intake-port", "9081", "--analytics-port", "9084");

        assertThat(options.reset()).isTrue();
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/hub"));
        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.mongoPort()).isEqualTo(37017);
        assertThat(options.servicePorts()).containsEntry("intake", 9081).containsEntry("analytics", 9084)
                .containsEntry("routing", 8082);
    }

    @Test
    void startsServicesWithBothCompilersAndAtMost256MiBOfHeapUnlessAskedForAQuickStart() {
        assertThat(DevstackOptions.parse(home).jvm().flags()).contains("-Xmx256m")
                .noneMatch(flag -> flag.startsWith("-XX:TieredStopAtLevel"));
        assertThat(DevstackOptions.parse(home, "--jvm", "quick").jvm().flags())
                .contains("-Xmx256m", "-XX:TieredStopAtLevel=1");
        assertThatThrownBy(() -> DevstackOptions.parse(home, "--jvm", "fastest"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnUnknownOptionWithTheUsage() {
        assertThatThrownBy(() -> DevstackOptions.parse(home, "--colour"))
                .hasMessageContaining("unknown option --colour").hasMessageContaining("usage: devstack");
        assertThatThrownBy(() -> DevstackOptions.parse(home, "--kafka-port"))
                .hasMessageContaining("--kafka-port needs a value");
    }
}
