package org.hotline12345.loadtest;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The hub's consumer groups as the broker sees them: which partitions each reads, its committed offsets against
 * their ends, and whether anything readable lies between the two. One admin client and one reader for a whole run,
 * so that polling every 250 ms costs a couple of requests and no connections.
 */
final class ConsumerLag implements AutoCloseable {

    /** The services' groups, watched whenever they exist; any other group is watched while it has members. */
    static final Set<String> HUB_GROUPS = Set.of("intake", "routing", "notification", "analytics");
    private static final String OWN_GROUPS = "loadtest";
    private static final Duration READ_PATIENCE = Duration.ofSeconds(3);

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;

    ConsumerLag(String bootstrap) {
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        this.reader = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Each watched group with every partition of the topics it reads (those it has committed on or been assigned),
     * so that a partition it has not read yet counts from its start.
     */
    Map<String, Set<TopicPartition>> groups() throws ExecutionException, InterruptedException {
        List<String> listed = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get().stream()
                .map(g -> g.groupId()).filter(id -> !id.startsWith(OWN_GROUPS)).sorted().toList();
        Map<String, ConsumerGroupDescription> described = listed.isEmpty() ? Map.of()
                : admin.describeConsumerGroups(listed).all().get();
        Map<String, Set<String>> topics = new TreeMap<>();
        for (String group : listed) {
            Collection<MemberDescription> members = described.get(group).members();
            if (!HUB_GROUPS.contains(group) && members.isEmpty()) {
                continue;
            }
            Set<String> read = new HashSet<>();
            members.forEach(m -> m.assignment().topicPartitions().forEach(p -> read.add(p.topic())));
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().keySet()
                    .forEach(p -> read.add(p.topic()));
            topics.put(group, read);
        }
        Set<String> allTopics = topics.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        Map<String, List<TopicPartition>> partitions = new HashMap<>();
        if (!allTopics.isEmpty()) {
            admin.describeTopics(allTopics).allTopicNames().get().forEach((name, description) -> partitions.put(name,
                    description.partitions().stream().map(p -> new TopicPartition(name, p.partition())).toList()));
        }
        Map<String, Set<TopicPartition>> groups = new LinkedHashMap<>();
        topics.forEach((group, read) -> groups.put(group, read.stream()
                .flatMap(topic -> partitions.getOrDefault(topic, List.of()).stream()).collect(Collectors.toSet())));
        return groups;
    }

    /** Every watched group's committed offset on each of its partitions and that partition's end, now. */
    Map<Drain.GroupPartition, Drain.Offsets> offsets(Map<String, Set<TopicPartition>> groups)
            throws ExecutionException, InterruptedException {
        Map<String, ListConsumerGroupOffsetsSpec> specs = new LinkedHashMap<>();
        groups.forEach((group, partitions) -> specs.put(group,
                new ListConsumerGroupOffsetsSpec().topicPartitions(partitions)));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = specs.isEmpty() ? Map.of()
                : admin.listConsumerGroupOffsets(specs).all().get();
        Set<TopicPartition> all = groups.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        Map<TopicPartition, ListOffsetsResultInfo> ends = listOffsets(all, OffsetSpec.latest());
        Set<TopicPartition> unread = new HashSet<>();
        groups.forEach((group, partitions) -> partitions.stream()
                .filter(p -> committed.getOrDefault(group, Map.of()).get(p) == null).forEach(unread::add));
        // a group that has not committed on a partition starts from its earliest record
        Map<TopicPartition, ListOffsetsResultInfo> starts = listOffsets(unread, OffsetSpec.earliest());
        Map<Drain.GroupPartition, Drain.Offsets> offsets = new HashMap<>();
        groups.forEach((group, partitions) -> partitions.forEach(p -> {
            OffsetAndMetadata at = committed.getOrDefault(group, Map.of()).get(p);
            long from = at != null ? at.offset() : starts.get(p).offset();
            offsets.put(new Drain.GroupPartition(group, p.topic(), p.partition()),
                    new Drain.Offsets(from, ends.get(p).offset()));
        }));
        return offsets;
    }

    /**
     * Whether a consumer reading committed records from {@code offsets.committed()} would get any before
     * {@code offsets.end()}; an open transaction there counts as records to come.
     */
    boolean holdsRecords(Drain.GroupPartition partition, Drain.Offsets offsets) {
        TopicPartition topicPartition = new TopicPartition(partition.topic(), partition.partition());
        reader.assign(List.of(topicPartition));
        reader.seek(topicPartition, offsets.committed());
        long until = System.nanoTime() + READ_PATIENCE.toNanos();
        while (System.nanoTime() < until) {
            for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(100))) {
                if (record.offset() < offsets.end()) {
                    return true;
                }
            }
            if (reader.position(topicPartition) >= offsets.end()) {
                return false;
            }
        }
        return true;
    }

    private Map<TopicPartition, ListOffsetsResultInfo> listOffsets(Set<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec))).all().get();
    }

    @Override
    public void close() {
        reader.close();
        admin.close();
    }
}
