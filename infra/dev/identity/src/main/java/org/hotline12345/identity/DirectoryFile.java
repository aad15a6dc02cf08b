package org.hotline12345.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The people who may sign in, as the dev stack writes them: {@code {"users": [{"username": "operator-01", "name":
 * "话务员 01", "roles": ["OPERATOR"], "unit": null}, ...]}}.
 */
record DirectoryFile(List<Person> users) {

    /**
     * One person; {@code unit} names a handling unit's id for {@code UNIT} users, {@code grid} the grid a
     * {@code GRID_WORKER} works; each is null for the others.
     */
    record Person(String username, String name, List<String> roles, String unit, String grid) {
    }

    static DirectoryFile read(Path file) {
        try {
            return JsonMapper.builder().build().readValue(Files.readString(file), DirectoryFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the users file " + file, e);
        }
    }
}
