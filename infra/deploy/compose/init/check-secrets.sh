#!/usr/bin/env bash
# Refuses to let the Compose stack start on the example file's values: run by the init service of compose.yaml,
# which every other service waits for. The services check their own settings again in production mode
# (HOTLINE_PRODUCTION=true); this covers what no service reads: the brokers', the database's, Keycloak's and
# Grafana's passwords.
#
#   any variable below       must not hold REPLACE-ME (in any case): a placeholder of .env.example
#   SECRETS                  must be 32 random bytes or more, as `openssl rand -hex 32` (64 hex digits) or
#                            `openssl rand -base64 32` write them: a phrase or a short password is refused
#   SECRET_LISTS             the same for each comma-separated value
#   PROVIDER_CREDENTIALS     issued by the SMS provider, in its own format: placeholders only
#
# Names every problem, never a value, and exits 1 if there is any.
set -uo pipefail

SECRETS=(
  KAFKA_BROKER_PASSWORD KAFKA_CONTROLLER_PASSWORD
  KAFKA_INTAKE_PASSWORD KAFKA_ROUTING_PASSWORD KAFKA_NOTIFICATION_PASSWORD KAFKA_ANALYTICS_PASSWORD
  MONGO_REPLICA_SET_KEY MONGO_ROOT_PASSWORD
  MONGO_INTAKE_PASSWORD MONGO_ROUTING_PASSWORD MONGO_NOTIFICATION_PASSWORD MONGO_ANALYTICS_PASSWORD
  HOTLINE_PII_SEAL_KEY HOTLINE_PII_HASH_KEY
  HOTLINE_SMS_WEBHOOK_SECRET HOTLINE_SMS_PUSH_SECRET
  KEYCLOAK_ADMIN_PASSWORD KEYCLOAK_DEMO_PASSWORD GRAFANA_ADMIN_PASSWORD
)
SECRET_LISTS=(HOTLINE_OPEN311_API_KEYS HOTLINE_PII_PREVIOUS_SEAL_KEYS)
PROVIDER_CREDENTIALS=(HOTLINE_SMS_API_KEY HOTLINE_SMS_SECRET)
SETTINGS=(KAFKA_CLUSTER_ID KEYCLOAK_URL HOTLINE_SMS_BASE_URL HOTLINE_SMS_SIGN_NAME HOTLINE_SMS_TEMPLATE_CODES)

problems=()

placeholder() {
  [[ "${1^^}" == *REPLACE-ME* ]]
}

# 32 random bytes or more: 64 hex digits or more, or base64 (standard or URL-safe) of 32 bytes or more; either
# with enough different characters that it is not a repeated one.
random_secret() {
  local value=$1 distinct
  distinct=$(printf '%s' "$value" | fold -w1 | sort -u | wc -l)
  if [[ "$value" =~ ^[0-9a-fA-F]+$ ]]; then
    (( ${#value} >= 64 && distinct >= 8 ))
    return
  fi
  [[ "$value" =~ ^[A-Za-z0-9+/_-]+=*$ ]] || return 1
  local padded bytes
  padded=$(printf '%s' "$value" | tr -- '-_' '+/')
  while (( ${#padded} % 4 != 0 )); do padded+="="; done
  bytes=$(printf '%s' "$padded" | base64 -d 2>/dev/null | wc -c) || return 1
  (( bytes >= 32 && distinct >= 16 ))
}

# How to make each: the contact keys are read as base64 of exactly 32 bytes, the replica set's key is what mongod
# asks for, everything else goes into URIs and JAAS lines, where hex needs no escaping.
command_for() {
  case $1 in
    HOTLINE_PII_*) echo "openssl rand -base64 32" ;;
    MONGO_REPLICA_SET_KEY) echo "openssl rand -base64 756 | tr -d '\\n'" ;;
    *) echo "openssl rand -hex 32" ;;
  esac
}

check_secret() {
  local name=$1 value=$2 command
  command=$(command_for "$name")
  if placeholder "$value"; then
    problems+=("$name holds REPLACE-ME: make it with $command")
  elif [[ -z "$value" ]]; then
    problems+=("$name is not set: make it with $command")
  elif ! random_secret "$value"; then
    problems+=("$name is not 32 random bytes: make it with $command")
  elif [[ "$name" == HOTLINE_PII_* ]] && [[ $(printf '%s' "$value" | base64 -d 2>/dev/null | wc -c) != 32 ]]; then
    problems+=("$name is not base64 of 32 bytes: make it with $command")
  fi
}

for name in "${SECRETS[@]}"; do
  check_secret "$name" "${!name-}"
done
for name in "${SECRET_LISTS[@]}"; do
  IFS=',' read -ra values <<<"${!name-}"
  for value in "${values[@]}"; do
    value=${value//[[:space:]]/}
    if [[ -n "$value" ]] && { placeholder "$value" || ! random_secret "$value"; }; then
      problems+=("$name holds a value that is not 32 random bytes: make each with openssl rand -hex 32")
      break
    fi
  done
done
for name in "${PROVIDER_CREDENTIALS[@]}" "${SETTINGS[@]}"; do
  if placeholder "${!name-}"; then
    problems+=("$name holds REPLACE-ME: a placeholder of .env.example")
  fi
done

if (( ${#problems[@]} > 0 )); then
  printf 'The stack does not start: .env has %d problems\n' "${#problems[@]}" >&2
  printf ' - %s\n' "${problems[@]}" >&2
  exit 1
fi
echo "the secrets in .env are set and random"
