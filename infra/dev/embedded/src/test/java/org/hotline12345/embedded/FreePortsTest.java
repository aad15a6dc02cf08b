package org.hotline12345.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void picksDifferentPortsThatAServerCanListenOnOutsideTheRangeOutgoingConnectionsUse() throws Exception {
        List<Integer> ports = FreePorts.pick(40);

        assertThat(ports).doesNotHaveDuplicates().hasSize(40);
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        if (Files.isReadable(range)) {
            int ephemeralLow = Integer.parseInt(new String(Files.newInputStream(range).readAllBytes()).trim().split("\\s+")[0]);
            assertThat(ports).allSatisfy(port -> assertThat(port).isLessThan(ephemeralLow));
        }
        for (int port : ports) {
            try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(server.getLocalPort()).isEqualTo(port);
            }
        }
    }
}
