package org.hotline12345.embedded;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Kafka and MongoDB in containers, for machines with a Docker engine: {@code ./mvnw verify -Pcontainers}. Only
 * loaded then, so the Testcontainers jars are needed only with that profile.
 */
final class ContainerInfrastructure {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    static final String MONGO_IMAGE = "mongo:8.0";

    private ContainerInfrastructure() {
    }

    static Broker kafka() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        kafka.start();
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "kafka-container-stop"));
        return kafka::getBootstrapServers;
    }

    static Database mongo() {
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        mongo.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mongo::stop, "mongo-container-stop"));
        String base = mongo.getConnectionString();
        return database -> base + "/" + database;
    }
}
