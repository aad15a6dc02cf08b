package org.hotline12345.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.hotline12345.embedded.EmbeddedMongo;

/**
 * The dev stack's database in a process of its own, started by {@link DatabaseBenchmark} so that its CPU is measured
 * apart from the client's: the persistent wire server on a file, exactly as the dev stack starts it. It answers
 * lines on its standard input: {@code live} (bytes of heap in use after a full collection), {@code stop} (a clean
 * shutdown, as Ctrl-C gives the dev stack).
 */
public final class DatabaseServer {

    private DatabaseServer() {
    }

    /** Arguments: the database file and the port. */
    public static void main(String[] args) throws Exception {
        EmbeddedMongo server = EmbeddedMongo.persistent(Integer.parseInt(args[1]), Path.of(args[0]));
        answerUntilStopped(server.port(), server);
    }

    /**
     * Says {@code ready} with the port, then answers {@code live} on standard input until {@code stop}, when it
     * closes {@code server} and says {@code stopped}: what {@link DatabaseBenchmark.ServerProcess} expects.
     */
    static void answerUntilStopped(int port, AutoCloseable server) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("ready " + port);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("stop")) {
            System.gc();
            out.println("live " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        server.close();
        out.println("stopped");
    }
}
