#!/usr/bin/env bash
# Starts one node of the Compose stack's Kafka cluster: three nodes, each a broker and a KRaft controller.
#
# It writes the node's configuration itself instead of the image's environment-to-properties step, because the
# storage must be formatted with the hub's SCRAM users before the node first starts: KRaft keeps SCRAM credentials
# in the cluster metadata, and `kafka-storage format --add-scram` puts them there, so every service can sign in as
# its own user from the first second, with no admin step to run by hand. On later starts the storage is already
# formatted and the users are left as they are (change a password with `kafka-configs.sh --alter --add-config
# 'SCRAM-SHA-512=[password=...]' --entity-type users --entity-name hub-...`, or start again from empty volumes).
#
# Listeners, both over TLS with the node's certificate from the stack's own authority (init/make-certificates.sh,
# mounted at /opt/tls):
#   SASL_SSL   :9092  clients and replication between brokers, SCRAM-SHA-512 (one user per service, README
#                     "Securing the broker and the database")
#   CONTROLLER :9093  the KRaft quorum, SASL/PLAIN inside TLS with a password of its own: KRaft controllers cannot
#                     check SCRAM, whose credentials live in the metadata they serve, so the quorum signs in with
#                     PLAIN; TLS keeps that password and the metadata off the wire
# Nothing is published to the host: only containers on the Compose stack's data network reach these ports.
#
# Authorisation: StandardAuthorizer, and nothing is allowed that no ACL grants. The super users are the brokers'
# own user hub-broker (replication, and the init step that creates the topics and the ACLs, kafka/create-acls.sh)
# and the quorum's user controller; every service's user gets exactly the README's grants.
set -euo pipefail

: "${KAFKA_NODE_ID:?the node id, 1 to 3}"
: "${CLUSTER_ID:?the cluster id, see .env.example}"
: "${KAFKA_CONTROLLER_QUORUM_VOTERS:?id@host:port of each controller, comma-separated}"
: "${KAFKA_BROKER_PASSWORD:?password of hub-broker, the user the brokers replicate as}"
: "${KAFKA_CONTROLLER_PASSWORD:?password of the controller listener}"
: "${KAFKA_INTAKE_PASSWORD:?}" "${KAFKA_ROUTING_PASSWORD:?}" "${KAFKA_NOTIFICATION_PASSWORD:?}"
: "${KAFKA_ANALYTICS_PASSWORD:?}"
tls=${KAFKA_TLS_DIR:-/opt/tls}
keystore_password=$(<"$tls/keystore-password")

KAFKA_HOME=${KAFKA_HOME:-/opt/kafka}
data_dir=${KAFKA_DATA_DIR:-/var/lib/kafka/data}
config=${KAFKA_CONFIG_FILE:-/tmp/hotline-kafka/server.properties}
host=${KAFKA_ADVERTISED_HOST:-$(hostname)}
broker_port=${KAFKA_BROKER_PORT:-9092}
controller_port=${KAFKA_CONTROLLER_PORT:-9093}

mkdir -p "$(dirname "$config")"
umask 077
cat > "$config" <<EOF
process.roles=broker,controller
node.id=${KAFKA_NODE_ID}
controller.quorum.voters=${KAFKA_CONTROLLER_QUORUM_VOTERS}
controller.listener.names=CONTROLLER
listeners=SASL_SSL://${KAFKA_LISTEN_HOST:-}:${broker_port},CONTROLLER://${KAFKA_LISTEN_HOST:-}:${controller_port}
advertised.listeners=SASL_SSL://${host}:${broker_port}
listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:SASL_SSL
inter.broker.listener.name=SASL_SSL
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="hub-broker" password="${KAFKA_BROKER_PASSWORD}";
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="controller" password="${KAFKA_CONTROLLER_PASSWORD}" user_controller="${KAFKA_CONTROLLER_PASSWORD}";
# TLS on both listeners, and for this node's own connections to the others (names checked against the certificates)
ssl.keystore.type=PKCS12
ssl.keystore.location=${tls}/server.p12
ssl.keystore.password=${keystore_password}
ssl.key.password=${keystore_password}
ssl.truststore.type=PEM
ssl.truststore.location=${tls}/ca.crt
ssl.endpoint.identification.algorithm=https
ssl.enabled.protocols=TLSv1.3,TLSv1.2
# Only what an ACL grants; super users are the brokers' and the quorum's own principals.
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:hub-broker;User:controller
log.dirs=${data_dir}

# Durability: every hub topic and the internal ones on all three nodes, a write acknowledged by two.
default.replication.factor=3
min.insync.replicas=2
offsets.topic.replication.factor=3
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
share.coordinator.state.topic.replication.factor=3
share.coordinator.state.topic.min.isr=2
unclean.leader.election.enable=false
# The services create their topics (HOTLINE_KAFKA_REPLICAS, HOTLINE_KAFKA_PARTITIONS); a mistyped name must fail.
auto.create.topics.enable=false
num.partitions=6
# The topics are the hub's message log: keep a week so that a consumer down over a holiday catches up (README
# "Operations").
log.retention.hours=168
EOF

# Only the first start formats; an already formatted directory is left alone (--ignore-formatted).
"$KAFKA_HOME/bin/kafka-storage.sh" format --ignore-formatted --cluster-id "$CLUSTER_ID" --config "$config" \
  --add-scram "SCRAM-SHA-512=[name=hub-broker,password=${KAFKA_BROKER_PASSWORD}]" \
  --add-scram "SCRAM-SHA-512=[name=hub-intake,password=${KAFKA_INTAKE_PASSWORD}]" \
  --add-scram "SCRAM-SHA-512=[name=hub-routing,password=${KAFKA_ROUTING_PASSWORD}]" \
  --add-scram "SCRAM-SHA-512=[name=hub-notification,password=${KAFKA_NOTIFICATION_PASSWORD}]" \
  --add-scram "SCRAM-SHA-512=[name=hub-analytics,password=${KAFKA_ANALYTICS_PASSWORD}]"

# What the health check signs in with (healthcheck.sh).
cat > "$(dirname "$config")/healthcheck.properties" <<EOF
security.protocol=SASL_SSL
ssl.truststore.type=PEM
ssl.truststore.location=${tls}/ca.crt
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="hub-broker" password="${KAFKA_BROKER_PASSWORD}";
EOF

exec "$KAFKA_HOME/bin/kafka-server-start.sh" "$config"
