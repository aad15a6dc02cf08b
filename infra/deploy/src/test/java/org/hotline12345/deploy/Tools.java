package org.hotline12345.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Files;
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
