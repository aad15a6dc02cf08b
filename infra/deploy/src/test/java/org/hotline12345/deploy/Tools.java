package org.hotline12345.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the standard checkers of each format: docker-compose, kubectl's kustomize, promtool. {@code ./verify} installs
 * the ones a machine lacks; a missing one fails the check, it does not skip it.
 */
final class Tools {

    /** The deployment folder. */
    static final Path DEPLOY = Path.of("").toAbsolutePath();

    private Tools() {
    }

    /** What a command that may fail did: its exit code and what it printed on each stream. */
    record Outcome(int exitCode, String out, String err) {
    }

    /**
     * Runs {@code command} with exactly {@code environment} (and PATH) and returns what it did, failed or not: for
     * the stack's own scripts, whose refusals are what is checked.
     */
    static Outcome attempt(Path directory, Map<String, String> environment, String... command) {
        try {
            Path out = Files.createTempFile("tool", ".out");
            Path err = Files.createTempFile("tool", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            String path = builder.environment().get("PATH");
            builder.environment().clear();
            builder.environment().put("PATH", path);
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish");
            }
            return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new AssertionError(command[0] + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What the command printed on its standard output; fails with everything it printed if it failed. */
    static String run(Path directory, String... command) {
        Process process;
        Path errors;
        try {
            // to a file, so that a command that writes much to both streams cannot block on the one not read
            errors = Files.createTempFile("tool", ".err");
            process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectError(errors.toFile()).start();
        } catch (IOException notInstalled) {
            throw new AssertionError(command[0] + " is not installed: ./verify installs it (" + notInstalled
                    .getMessage() + ")", notInstalled);
        }
        try {
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish");
            }
            String printed = new String(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (" + process.exitValue() + "):\n"
                        + printed + Files.readString(errors));
            }
            return printed;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
