package org.hotline12345.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyTest {

    @TempDir
    Path data;

    @Test
    void keepsTheSigningKeyFromOtherUsersOfTheMachineAndTightensAnOlderKeyFile() throws Exception {
        Path keys = data.resolve("keys");
        LocalKeys.inFolder(keys);
        Path jwk = keys.resolve("signing-key.jwk.json");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(jwk))).isEqualTo("rw-------");

        // a key file an earlier version wrote readable by everyone is held to its owner on the next start
        Files.setPosixFilePermissions(jwk, PosixFilePermissions.fromString("rw-r--r--"));
        LocalKeys.inFolder(keys);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(jwk))).isEqualTo("rw-------");
    }
}
