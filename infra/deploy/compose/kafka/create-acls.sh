#!/usr/bin/env bash
# The Compose stack's topics and each service's ACLs, as README "Securing the broker and the database" lists them.
# Run by the kafka-init service of compose.yaml, signed in as the brokers' super user hub-broker, once the three
# brokers are healthy; every service waits for it. Safe to run on every `up`: existing topics are kept and an ACL
# that exists is not added twice.
#
# The hub topics and every dead-letter and retry topic are created here (replication 3, HOTLINE_KAFKA_PARTITIONS
# partitions), so that no service needs Create on the cluster: each finds its topics, with Describe.
#
# A dead-letter replay re-publishes a record to the service's own retry topic, <topic>.<service>.retry, which its
# consumer reads besides the topic: no service gets Write on a topic another one owns (analytics' user cannot
# publish a TicketResolved), and a replay needs no grant of its own (README "Dead letters").
set -euo pipefail

: "${KAFKA_BROKER_PASSWORD:?password of hub-broker, the super user of the brokers}"
KAFKA_HOME=${KAFKA_HOME:-/opt/kafka}
bootstrap=${KAFKA_BOOTSTRAP_SERVERS:-kafka-1:9092,kafka-2:9092,kafka-3:9092}
partitions=${HOTLINE_KAFKA_PARTITIONS:-6}
tls=${KAFKA_TLS_DIR:-/opt/tls}
export KAFKA_HEAP_OPTS="-Xms32m -Xmx256m"

HUB_TOPICS=(hotline.intake.tickets hotline.routing.tickets hotline.notification.messages
  hotline.notification.feedback)
SERVICES=(intake routing notification analytics)
# The README's table: what each service's user reads (as its consumer group, the service's name) and writes.
READS_intake="hotline.routing.tickets"
WRITES_intake="hotline.intake.tickets"
READS_routing="hotline.intake.tickets hotline.notification.feedback"
WRITES_routing="hotline.routing.tickets"
READS_notification="hotline.intake.tickets hotline.routing.tickets"
WRITES_notification="hotline.notification.messages hotline.notification.feedback"
READS_analytics="hotline.intake.tickets hotline.routing.tickets hotline.notification.messages
  hotline.notification.feedback"
WRITES_analytics=""

umask 077
admin=$(mktemp)
trap 'rm -f "$admin"' EXIT
cat > "$admin" <<PROPERTIES
security.protocol=SASL_SSL
ssl.truststore.type=PEM
ssl.truststore.location=${tls}/ca.crt
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="hub-broker" password="${KAFKA_BROKER_PASSWORD}";
PROPERTIES

topic() {
  "$KAFKA_HOME/bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --create \
    --if-not-exists --topic "$1" --partitions "$partitions" --replication-factor 3
}

# allow <service> <operation> <resource options...>
allow() {
  local service=$1 operation=$2
  shift 2
  "$KAFKA_HOME/bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --add \
    --allow-principal "User:hub-$service" --operation "$operation" "$@" >/dev/null
}

for topic in "${HUB_TOPICS[@]}"; do
  topic "$topic"
done
for service in "${SERVICES[@]}"; do
  reads=READS_$service
  for topic in ${!reads}; do
    # its dead letters and its retries, named as in the service's application.yml: <topic>.<group>.dlq and .retry
    topic "$topic.$service.dlq"
    topic "$topic.$service.retry"
  done
done

for service in "${SERVICES[@]}"; do
  reads=READS_$service
  writes=WRITES_$service
  # every service looks each hub topic up at start-up
  for topic in "${HUB_TOPICS[@]}"; do
    allow "$service" Describe --topic "$topic"
  done
  for topic in ${!reads}; do
    allow "$service" Read --topic "$topic"
    allow "$service" Write --topic "$topic.$service.dlq"
    allow "$service" Read --topic "$topic.$service.dlq"
    allow "$service" Write --topic "$topic.$service.retry"
    allow "$service" Read --topic "$topic.$service.retry"
  done
  # production mode lists the service's own grants at start-up and refuses to start with any beyond these
  allow "$service" Describe --cluster
  allow "$service" Read --group "$service"
  allow "$service" Read --group "$service-dead-letter-replay"
  if [[ -n "${!writes}" ]]; then
    for topic in ${!writes}; do
      allow "$service" Write --topic "$topic"
    done
    allow "$service" Write --transactional-id "hotline-$service-" --resource-pattern-type prefixed
    allow "$service" Describe --transactional-id "hotline-$service-" --resource-pattern-type prefixed
    allow "$service" IdempotentWrite --cluster
  fi
  echo "ACLs of hub-$service in place"
done
