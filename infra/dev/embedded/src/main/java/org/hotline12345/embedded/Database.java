package org.hotline12345.embedded;

/** A MongoDB server tests talk to, wherever it runs: in the JVM or in a container. */
public interface Database {

    /** The connection string of one database on this server. */
    String uri(String database);
}
