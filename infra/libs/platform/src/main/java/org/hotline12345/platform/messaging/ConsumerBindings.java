package org.hotline12345.platform.messaging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.core.env.Environment;

/**
 * The consumer bindings of a service, as its settings name them: what each reads (the topics of other services and
 * its own retry topic, {@code <topic>.<service>.retry}, listed in the binding's destination after them) as which
 * group, and where it dead-letters. A dead-letter replay writes to the retry topic, which only this service writes,
 * so that no service needs Write on a topic another one owns.
 */
public final class ConsumerBindings {

    /** How the destination list of a binding names the topic a replay of its dead letters goes to. */
    public static final String RETRY_SUFFIX = ".retry";

    private ConsumerBindings() {
    }

    /**
     * One consumer binding.
     *
     * @param name the binding, e.g. {@code assignTicket-in-0}
     * @param group its consumer group
     * @param topics the topics it consumes, its retry topic excluded
     * @param retryTopic the topic a replay of its dead letters re-publishes to, or {@code null} if it names none
     * @param deadLetterTopic where it dead-letters, or {@code null} if it does not
     */
    public record Binding(String name, String group, List<String> topics, String retryTopic,
            String deadLetterTopic) {

        /** Every topic the binding reads: those it consumes and its retry topic. */
        public List<String> reads() {
            List<String> reads = new ArrayList<>(topics);
            if (retryTopic != null) {
                reads.add(retryTopic);
            }
            return reads;
        }
    }

    /** The bindings with a group, with their dead-letter topics as the Kafka binder's settings name them. */
    public static List<Binding> of(BindingServiceProperties bindings, Environment environment) {
        // the Kafka binder's own binding properties live in the binder's context, so they are read as settings
        boolean dlqByDefault = environment.getProperty("spring.cloud.stream.kafka.default.consumer.enable-dlq",
                Boolean.class, false);
        List<Binding> found = new ArrayList<>();
        bindings.getBindings().forEach((name, binding) -> {
            if (binding.getGroup() == null || binding.getDestination() == null) {
                return;
            }
            List<String> destinations = Arrays.stream(binding.getDestination().split(",")).map(String::strip)
                    .filter(topic -> !topic.isEmpty()).toList();
            List<String> topics = destinations.stream().filter(topic -> !topic.endsWith(RETRY_SUFFIX)).toList();
            List<String> retries = destinations.stream().filter(topic -> topic.endsWith(RETRY_SUFFIX)).toList();
            if (retries.size() > 1) {
                throw new IllegalStateException("Binding " + name + " names more than one retry topic: " + retries);
            }
            String prefix = "spring.cloud.stream.kafka.bindings." + name + ".consumer.";
            String deadLetters = environment.getProperty(prefix + "enable-dlq", Boolean.class, dlqByDefault)
                    ? environment.getProperty(prefix + "dlq-name",
                            "error." + binding.getDestination() + "." + binding.getGroup())
                    : null;
            found.add(new Binding(name, binding.getGroup(), topics, retries.isEmpty() ? null : retries.get(0),
                    deadLetters));
        });
        return found;
    }
}
