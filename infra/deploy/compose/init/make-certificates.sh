#!/usr/bin/env bash
# Makes the Compose stack's TLS certificates, once: a certificate authority of this stack alone, and a certificate
# signed by it for each Kafka node, each MongoDB member and Keycloak. Run by the init service of compose.yaml
# (image eclipse-temurin, which has openssl and keytool) before anything else starts; later runs keep what exists,
# so a restart does not change the certificates. Delete compose/tls/ to make new ones.
#
# compose/tls/ (TLS_DIR), one folder per reader, each mounted read-only into that container only:
#   ca/             the authority's key and certificate (mounted nowhere: only this script signs with it)
#   kafka-N/        server.p12 (key and chain, PKCS12) and its password, ca.crt; owned by the Kafka image's user
#   mongo-N/        server.pem (key and certificate), ca.crt; mongod's start copies them and hands them to mongod
#   keycloak/       server.crt (chain), server.key; owned by the Keycloak image's user
#   clients/        ca.crt (PEM, for Kafka clients and mongosh) and truststore.p12 (the JVM's own authorities plus
#                   this one, for the services' MongoDB driver and their calls to Keycloak)
# Every certificate also names localhost and 127.0.0.1: health checks and the browser reach them there.
set -euo pipefail

tls=${TLS_DIR:-/tls}
days=${TLS_DAYS:-825}
# The images' users: apache/kafka runs as appuser (1000), Keycloak as 1000; mongod's start copies its files as
# root and hands them to mongodb itself.
kafka_user=${KAFKA_IMAGE_UID:-1000}
keycloak_user=${KEYCLOAK_IMAGE_UID:-1000}
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v keytool)")")")}
cacerts=${JAVA_CACERTS:-$java_home/lib/security/cacerts}

umask 077
mkdir -p "$tls/ca"

if [[ ! -s "$tls/ca/ca.crt" ]]; then
  openssl req -x509 -newkey rsa:3072 -nodes -sha256 -days "$days" -subj "/CN=12345 hotline Compose CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "$tls/ca/ca.key" -out "$tls/ca/ca.crt" 2>/dev/null
  echo "made the stack's certificate authority"
fi

# issue <folder> <host>: a key and a certificate for <host> (server and client use: MongoDB members present theirs
# to each other), signed by the stack's authority.
issue() {
  local dir="$tls/$1" host=$2
  mkdir -p "$dir"
  cp "$tls/ca/ca.crt" "$dir/ca.crt"
  if [[ -s "$dir/server.crt" ]]; then
    return 1
  fi
  openssl req -newkey rsa:3072 -nodes -sha256 -subj "/CN=$host" -keyout "$dir/server.key" \
    -out "$dir/server.csr" 2>/dev/null
  openssl x509 -req -in "$dir/server.csr" -CA "$tls/ca/ca.crt" -CAkey "$tls/ca/ca.key" -CAcreateserial \
    -days "$days" -sha256 -out "$dir/server.crt" -extfile <(printf '%s\n' \
      "subjectAltName=DNS:$host,DNS:localhost,IP:127.0.0.1" \
      "basicConstraints=critical,CA:FALSE" \
      "keyUsage=critical,digitalSignature,keyEncipherment" \
      "extendedKeyUsage=serverAuth,clientAuth") 2>/dev/null
  rm -f "$dir/server.csr"
  echo "made the certificate of $host"
}

for node in kafka-1 kafka-2 kafka-3; do
  if issue "$node" "$node"; then
    openssl rand -hex 32 > "$tls/$node/keystore-password"
    openssl pkcs12 -export -name server -in "$tls/$node/server.crt" -inkey "$tls/$node/server.key" \
      -certfile "$tls/ca/ca.crt" -passout "file:$tls/$node/keystore-password" -out "$tls/$node/server.p12"
    rm -f "$tls/$node/server.key"
  fi
  chown -R "$kafka_user:$kafka_user" "$tls/$node"
done

for member in mongo-1 mongo-2 mongo-3; do
  if issue "$member" "$member"; then
    cat "$tls/$member/server.key" "$tls/$member/server.crt" > "$tls/$member/server.pem"
    rm -f "$tls/$member/server.key"
  fi
done

if issue keycloak keycloak; then
  cat "$tls/keycloak/server.crt" "$tls/ca/ca.crt" > "$tls/keycloak/chain.crt"
  mv "$tls/keycloak/chain.crt" "$tls/keycloak/server.crt"
fi
chown -R "$keycloak_user:0" "$tls/keycloak"

mkdir -p "$tls/clients"
cp "$tls/ca/ca.crt" "$tls/clients/ca.crt"
if [[ ! -s "$tls/clients/truststore.p12" ]]; then
  # The JVM's password for its own cacerts; a trust store holds certificates only, nothing secret.
  keytool -importkeystore -noprompt -srckeystore "$cacerts" -srcstorepass changeit \
    -destkeystore "$tls/clients/truststore.p12" -deststoretype PKCS12 -deststorepass changeit >/dev/null 2>&1
  keytool -importcert -noprompt -alias hotline-compose-ca -file "$tls/ca/ca.crt" \
    -keystore "$tls/clients/truststore.p12" -storetype PKCS12 -storepass changeit >/dev/null 2>&1
  echo "made the clients' trust store"
fi
# certificates only: every service and init step reads them
chmod 755 "$tls/clients"
chmod 644 "$tls/clients/ca.crt" "$tls/clients/truststore.p12"
