package org.hotline12345.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server) on loopback. With a file it keeps its data across restarts
 * (H2 backend); without one it lives in memory, which is what tests want.
 */
public final class EmbeddedMongo implements Database, AutoCloseable {

    private static final int H2_CACHE_MEGABYTES = 1024;

    private final MongoServer server;
    private final int port;

    private EmbeddedMongo(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** A server on {@code port} (0 picks a free one) that keeps its data in {@code file}. */
    public static EmbeddedMongo persistent(int port, Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(port, IndexAwareBackends.h2(file.toString(), H2_CACHE_MEGABYTES));
    }

    /** A server on a free port that forgets everything when it stops. */
    public static EmbeddedMongo inMemory() {
        return start(0, IndexAwareBackends.memory());
    }

    private static EmbeddedMongo start(int port, MongoBackend backend) {
        int chosen = port == 0 ? FreePorts.pick() : port;
        MongoServer server = new MongoServer(backend);
        // No oplog: the hub uses no change streams, and the server's oplog is a collection that keeps every write
        // ever made, so it would cost each write an extra insert and grow without bound.
        server.bind("127.0.0.1", chosen);
        return new EmbeddedMongo(server, chosen);
    }

    public int port() {
        return port;
    }

    @Override
    public String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
