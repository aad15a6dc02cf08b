package org.hotline12345.benchmarks;

import java.nio.file.Path;
import org.hotline12345.contracts.Topics;
import org.hotline12345.embedded.EmbeddedKafka;

/**
 * The dev stack's Kafka broker in a process of its own, started by {@link OutboxBacklogBenchmark} so that its CPU is
 * measured apart from the publishing service's and the database's: one KRaft broker with the hub's topics in three
 * partitions, exactly as {@code ./devstack} starts it. It answers lines on its standard input as
 * {@link DatabaseServer} does: {@code live}, and {@code stop}.
 */
public final class BrokerServer {

    private static final int PARTITIONS = 3;

    private BrokerServer() {
    }

    /** Arguments: the data directory and the port. */
    public static void main(String[] args) throws Exception {
        EmbeddedKafka broker = EmbeddedKafka.start(Integer.parseInt(args[1]), Path.of(args[0]));
        broker.createTopics(Topics.ALL, PARTITIONS);
        DatabaseServer.answerUntilStopped(broker.port(), broker);
    }
}
