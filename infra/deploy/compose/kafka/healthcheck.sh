#!/usr/bin/env bash
# Healthy once this node is a registered broker of the cluster and answers, signed in, on its client listener:
# the broker list every client gets names it.
set -euo pipefail
# a small client JVM, not the broker's heap (KAFKA_HEAP_OPTS of the container) next to the broker
export KAFKA_HEAP_OPTS="-Xms32m -Xmx128m"
config_dir=$(dirname "${KAFKA_CONFIG_FILE:-/tmp/hotline-kafka/server.properties}")
brokers=$("${KAFKA_HOME:-/opt/kafka}/bin/kafka-broker-api-versions.sh" \
  --bootstrap-server "localhost:${KAFKA_BROKER_PORT:-9092}" \
  --command-config "$config_dir/healthcheck.properties" 2>/dev/null)
grep -q "(id: ${KAFKA_NODE_ID} " <<<"$brokers"
