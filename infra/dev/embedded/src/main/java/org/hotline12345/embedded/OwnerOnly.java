package org.hotline12345.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files and folders of the dev stack that hold secrets (signing keys, contact keys, week-long tokens), readable by
 * their owner alone: on a shared machine every other user could otherwise read them. Where the file system has no
 * POSIX permissions, they are left as they are.
 */
public final class OwnerOnly {

    private OwnerOnly() {
    }

    /** Makes {@code path} (a file, or a folder) readable and writable by its owner only; returns it. */
    public static Path restrict(Path path) {
        if (Files.getFileAttributeView(path, PosixFileAttributeView.class) == null) {
            return path;
        }
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                    Files.isDirectory(path) ? "rwx------" : "rw-------"));
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
