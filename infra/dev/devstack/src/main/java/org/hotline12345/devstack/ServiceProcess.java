package org.hotline12345.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service running as its own JVM from its executable jar, with its output in a log file. */
public final class ServiceProcess implements AutoCloseable {

    private static final String MANAGEMENT_PORT = "--management.server.port=";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    /** Where the health probe answers: the actuator's own port when one was given, as deployments do. */
    private final int probePort;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, int probePort, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.probePort = probePort;
        this.process = process;
        this.log = log;
    }

    /** Starts a service with the JVM options given. */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> environment,
            List<String> arguments, Path log, List<String> jvmOptions) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        // on loopback only, as the broker and the database are: the dev stack's keys and demo tokens are no secret
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            int probePort = arguments.stream().filter(a -> a.startsWith(MANAGEMENT_PORT))
                    .map(a -> Integer.parseInt(a.substring(MANAGEMENT_PORT.length()))).findFirst().orElse(port);
            return new ServiceProcess(name, port, probePort, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Whether the service answers its health probe with UP. */
    public boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + probePort
                            + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Kills the service at once (SIGKILL) and waits until it is gone. */
    void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the service to stop, as Ctrl-C would, without waiting. */
    void requestStop() {
        process.destroy();
    }

    /** Asks the service to stop and kills it if it does not within the grace. */
    @Override
    public void close() {
        requestStop();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
