#!/usr/bin/env bash
# Builds Ore Publisher, sets up WildFly from server-config/, makes sure the database exists,
# deploys the EAR and runs the server in the foreground. Ctrl-C stops it.
#
#   src/scripts/run.sh                 WildFly (server-config/wildfly)
#   src/scripts/run.sh payara          the same EAR on Payara Server (server-config/payara)
#   src/scripts/run.sh payara-micro    the WAR build on Payara Micro (server-config/payara)
#
# Each serves the API on port 8080; health is on 9990 (WildFly) or 8080 (Payara).
#
# Database settings come from PUBLISHER_DB_HOST, PUBLISHER_DB_PORT, PUBLISHER_DB_NAME,
# PUBLISHER_DB_USER, PUBLISHER_DB_PASSWORD (defaults: 127.0.0.1, 5432, ore_publisher,
# ore_publisher, ore_publisher); see README.md for the rest.
#
# Unless PUBLISHER_SANDBOX=false, the platforms are the WireMock sandbox in server-config/sandbox
# on 127.0.0.1:${PUBLISHER_SANDBOX_PORT:-8089}: nothing is posted anywhere real.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

server=${1:-wildfly}
case "$server" in
    wildfly) ports="8080 9990"; health_url=http://127.0.0.1:9990/health ;;
    # Payara Server's domain on portbase 8000: HTTP 8080, HTTPS 8081, admin 8048.
    payara) ports="8080 8081 8048"; health_url=http://127.0.0.1:8080/health ;;
    payara-micro) ports="8080 8081"; health_url=http://127.0.0.1:8080/health ;;
    *) echo "run: unknown server '$server' (wildfly, payara or payara-micro)" >&2; exit 1 ;;
esac

for tool in java mvn psql curl openssl; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "run: '$tool' is not installed; see Prerequisites in README.md." >&2
        exit 1
    fi
done

export PUBLISHER_DB_HOST=${PUBLISHER_DB_HOST:-127.0.0.1}
export PUBLISHER_DB_PORT=${PUBLISHER_DB_PORT:-5432}
export PUBLISHER_DB_NAME=${PUBLISHER_DB_NAME:-ore_publisher}
export PUBLISHER_DB_USER=${PUBLISHER_DB_USER:-ore_publisher}
export PUBLISHER_DB_PASSWORD=${PUBLISHER_DB_PASSWORD:-ore_publisher}
bind_address=${PUBLISHER_BIND_ADDRESS:-127.0.0.1}
HARNESS_NAME=run
# shellcheck source=harness.sh
. "$root/src/scripts/harness.sh"

# A server already on these ports would answer the health check for this one.
sandbox=${PUBLISHER_SANDBOX:-true}
sandbox_port=${PUBLISHER_SANDBOX_PORT:-8089}
[ "$sandbox" = "true" ] && ports="$ports $sandbox_port"
for port in $ports; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "run: port $port is already in use (another Ore Publisher or application server?); stop it first." >&2
        exit 1
    fi
done

# Fail early, and in plain words, when there is no database to run against.
server-config/postgres/ensure-database.sh

server_base="$root/target/run"
echo "run: building and setting up $server in $server_base (log: target/run-build.log)"
mkdir -p "$root/target"
case "$server" in
    wildfly) build=(-Dwildfly.base.dir="$server_base") ;;
    payara) build=(-Ppayara -pl it -am -Dpayara.base.dir="$server_base" -Dpayara.portbase=8000) ;;
    payara-micro) build=(-Ppayara -pl it -am -Dpayara.base.dir="$server_base" -Dpayara.skip-domain=true) ;;
esac
if ! mvn -B package -DskipTests "${build[@]}" >"$root/target/run-build.log" 2>&1; then
    tail -n 40 "$root/target/run-build.log" >&2
    echo "run: the build failed; the whole log is in target/run-build.log" >&2
    exit 1
fi

if [ "$sandbox" = "true" ]; then
    wiremock_jar=$(pinned_jar version.wiremock org.wiremock:wiremock-standalone "$server_base" "$root/target/run-build.log") \
        || fail "fetching WireMock; see target/run-build.log"
    start_sandbox "$server_base" "$sandbox_port"
    # API tokens: the sandbox trusts a development key, made once; src/scripts/dev-token.sh signs with it.
    jwt_dir="$root/target/dev-jwt"
    if [ ! -f "$jwt_dir/private.pem" ]; then
        mkdir -p "$jwt_dir"
        openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$jwt_dir/private.pem" 2>/dev/null
        openssl pkey -in "$jwt_dir/private.pem" -pubout -out "$jwt_dir/public.pem"
        chmod 600 "$jwt_dir/private.pem"
    fi
    export MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$jwt_dir/public.pem"
    export MP_JWT_VERIFY_ISSUER="https://sandbox.ore-publisher.dev"
    echo "run: API tokens are verified with the sandbox's development key (src/scripts/dev-token.sh makes them)"
    # The connect flows run against the sandbox's authorize and token stubs, with sandbox apps.
    export PUBLISHER_PLATFORM_LINKEDIN_OAUTH_URL=http://127.0.0.1:$sandbox_port
    export PUBLISHER_PLATFORM_X_AUTHORIZE_URL=http://127.0.0.1:$sandbox_port/i/oauth2/authorize
    export PUBLISHER_PLATFORM_LINKEDIN_AUTHORIZE_URL=http://127.0.0.1:$sandbox_port/oauth/v2/authorization
    export PUBLISHER_PLATFORM_META_AUTHORIZE_URL=http://127.0.0.1:$sandbox_port/v21.0/dialog/oauth
    for platform in META LINKEDIN X; do
        lower=$(echo "$platform" | tr 'A-Z' 'a-z')
        export "PUBLISHER_PLATFORM_${platform}_CLIENT_ID=sandbox-$lower-client"
        export "PUBLISHER_PLATFORM_${platform}_CLIENT_SECRET=sandbox-$lower-secret"
    done
    # Tokens are encrypted at rest and the server refuses to start without a key. The sandbox gets
    # a development key, generated once and kept in target/ (not in target/run/, which every build
    # replaces, or tokens stored by an earlier run would no longer decrypt); never use it for real tokens.
    if [ -z "${PUBLISHER_TOKEN_KEYS:-}" ]; then
        dev_key_file="$root/target/dev-token-key"
        if [ ! -s "$dev_key_file" ]; then
            (umask 077; head -c 32 /dev/urandom | base64 | tr -d '\n' >"$dev_key_file")
        fi
        export PUBLISHER_TOKEN_KEYS="dev=$(cat "$dev_key_file")" PUBLISHER_TOKEN_ACTIVE_KEY=dev
        echo "run: using the DEVELOPMENT token encryption key in $dev_key_file (sandbox only)"
    fi
elif [ -z "${PUBLISHER_TOKEN_KEYS:-}" ]; then
    echo "run: set PUBLISHER_TOKEN_KEYS (id=<base64 of 32 random bytes>) and PUBLISHER_TOKEN_ACTIVE_KEY to talk to" \
        "the real platforms; e.g. PUBLISHER_TOKEN_KEYS=k1=\$(openssl rand -base64 32) PUBLISHER_TOKEN_ACTIVE_KEY=k1" >&2
    exit 1
fi
trap 'stop_sandbox "$server_base"' EXIT

case "$server" in
    wildfly)
        wildfly_home=$(ls -d "$server_base"/wildfly-*/ | head -n 1)
        cp ear/target/ore-publisher.ear "$wildfly_home/standalone/deployments/"
        # In the background mode, standalone.sh passes TERM and INT on to the JVM for a clean shutdown;
        # the suspend timeout makes that shutdown graceful (running chunks finish, unsent claims are
        # given back). Nodes sharing a database need distinct transaction node ids (and claim names:
        # PUBLISHER_NODE_ID).
        LAUNCH_JBOSS_IN_BACKGROUND=1 "$wildfly_home/bin/standalone.sh" -b "$bind_address" -bmanagement 127.0.0.1 \
            -Dorg.wildfly.sigterm.suspend.timeout=30 -Djboss.tx.node.id="${PUBLISHER_NODE_ID:-ore-publisher}" &
        server_pid=$!
        trap 'kill -TERM "$server_pid" 2>/dev/null; wait "$server_pid"' INT TERM
        server_log="$wildfly_home/standalone/log/server.log"
        failed_marker="$wildfly_home/standalone/deployments/ore-publisher.ear.failed"
        ;;
    payara)
        asadmin="$server_base/payara6/bin/asadmin"
        domain_dir="$server_base/payara6/glassfish/domains/ore-publisher"
        cp ear/target/ore-publisher.ear "$domain_dir/autodeploy/"
        "$asadmin" start-domain --verbose ore-publisher &
        server_pid=$!
        trap '"$asadmin" stop-domain ore-publisher >/dev/null 2>&1; wait "$server_pid"' INT TERM
        server_log="$domain_dir/logs/server.log"
        failed_marker="$domain_dir/autodeploy/ore-publisher.ear_deployFailed"
        ;;
    payara-micro)
        server-config/payara/start-micro.sh "$server_base/payara-micro.jar" ear/micro/target/ore-publisher.war 8080 \
            "$server_base/libs" "$server_base/micro" &
        server_pid=$!
        trap 'kill -TERM "$server_pid" 2>/dev/null; wait "$server_pid"' INT TERM
        server_log="the console above"
        failed_marker=/nonexistent
        ;;
esac

host=$bind_address
[ "$host" = "0.0.0.0" ] && host=127.0.0.1
for _ in $(seq 1 300); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "run: $server stopped during start-up; see $server_log" >&2
        exit 1
    fi
    if [ -f "$failed_marker" ]; then
        echo "run: the deployment failed: $(cat "$failed_marker"); see $server_log" >&2
        break
    fi
    if curl -fs "$health_url/ready" >/dev/null 2>&1; then
        cat <<MSG

  Ore Publisher is up on $server.
    API          http://$host:8080/api
    OpenAPI      http://$host:8080/openapi
    Health       $health_url  (live: /health/live, ready: /health/ready)
    Database     $PUBLISHER_DB_NAME on $PUBLISHER_DB_HOST:$PUBLISHER_DB_PORT
    Platforms    ${PUBLISHER_PLATFORM_X_URL:-the real Meta, LinkedIn and X APIs}$([ "$sandbox" = "true" ] && echo " (WireMock sandbox; requests: http://127.0.0.1:$sandbox_port/__admin/requests)")
  Ctrl-C stops the server.

MSG
        break
    fi
    sleep 1
done

wait "$server_pid"
