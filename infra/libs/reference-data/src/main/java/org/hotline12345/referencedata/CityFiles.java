package org.hotline12345.referencedata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where a city's files are read from: the sample city on the classpath, or a city's own folder. */
sealed interface CityFiles {

    /** The file's text; fails naming the file when it is missing. */
    String read(String file);

    /** How an error names the file, so that the city's staff can find it. */
    String describe(String file);

    /** The text of a file the city may leave out; empty when it is absent. */
    default java.util.Optional<String> readIfPresent(String file) {
        return exists(file) ? java.util.Optional.of(read(file)) : java.util.Optional.empty();
    }

    /** Whether the city ships the file. */
    boolean exists(String file);

    record Classpath(String root) implements CityFiles {

        @Override
        public String read(String file) {
            try (InputStream in = City.class.getClassLoader().getResourceAsStream(root + file)) {
                if (in == null) {
                    throw new CityDataException(describe(file) + ": the file is missing");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CityDataException(describe(file) + ": " + e.getMessage());
            }
        }

        @Override
        public String describe(String file) {
            return "classpath:" + root + file;
        }

        @Override
        public boolean exists(String file) {
            return City.class.getClassLoader().getResource(root + file) != null;
        }
    }

    record Folder(Path folder) implements CityFiles {

        @Override
        public String read(String file) {
            try {
                return Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
            } catch (NoSuchFileException missing) {
                throw new CityDataException(describe(file) + ": the file is missing");
            } catch (IOException e) {
                throw new CityDataException(describe(file) + ": " + e.getMessage());
            }
        }

        @Override
        public String describe(String file) {
            return folder.resolve(file).toString();
        }

        @Override
        public boolean exists(String file) {
            return Files.isRegularFile(folder.resolve(file));
        }
    }
}
