package org.hotline12345.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing key is read by its owner only (0600): whoever reads it can mint any person's tokens. A key file that
 * other users of the machine may read is made owner-only before the provider uses it, and the log says so, since
 * they may have read it already.
 */
final class KeyFile {

    private static final Logger log = LoggerFactory.getLogger(KeyFile.class);
    static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private KeyFile() {
    }

    /** Reads {@code file} after making it owner-only where the file system has POSIX permissions. */
    static String read(Path file) {
        try {
            if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (!OWNER_ONLY.containsAll(permissions)) {
                    Files.setPosixFilePermissions(file, OWNER_ONLY);
                    log.warn("The signing key {} was readable by other users of this machine ({}); it is now "
                            + "readable by its owner only. Make a new key if others may have read it.", file,
                            PosixFilePermissions.toString(permissions));
                }
            }
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the signing key " + file, e);
        }
    }
}
