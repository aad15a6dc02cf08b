package org.hotline12345.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports on loopback, for servers started a moment after the pick.
 *
 * <p>The ports are chosen below the kernel's ephemeral range. A port the kernel hands out as "any free port" comes
 * from the same range it gives every outgoing connection, so between the pick and the bind a Kafka or MongoDB
 * client's connection could take it, and the service then failed to start with "port already in use". Where that
 * range cannot be read, the kernel's own pick is used.
 */
public final class FreePorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 10_000;
    private static final int ATTEMPTS = 1_000;

    private FreePorts() {
    }

    /** {@code count} different free ports, held open together while they are picked so that none repeats. */
    public static List<Integer> pick(int count) {
        int below = ephemeralLow();
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int attempt = 0; held.size() < count; attempt++) {
                int port = below - LOWEST >= 1_000 && attempt < ATTEMPTS
                        ? ThreadLocalRandom.current().nextInt(LOWEST, below) : 0;
                try {
                    held.add(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
                } catch (IOException taken) {
                    if (port == 0) {
                        throw new UncheckedIOException(taken);
                    }
                }
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            held.forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing anyway
                }
            });
        }
    }

    public static int pick() {
        return pick(1).get(0);
    }

    private static int ephemeralLow() {
        // read as a stream: Files.readString trusts the size procfs reports and can stop after one byte
        try (InputStream range = Files.newInputStream(EPHEMERAL_RANGE)) {
            return Integer.parseInt(new String(range.readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
    }
}
