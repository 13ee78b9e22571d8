# Shell functions shared by the scripts that run Ore Publisher on this machine against the
# WireMock sandbox (src/scripts/run.sh, src/benchmark/run-benchmark.sh, src/chaos/run-chaos.sh).
# Source it after setting HARNESS_NAME (the prefix of log lines) and PUBLISHER_DB_NAME; it exports
# the database settings with the run command's defaults. Nothing here starts anything by itself.

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export PUBLISHER_DB_HOST=${PUBLISHER_DB_HOST:-127.0.0.1} PUBLISHER_DB_PORT=${PUBLISHER_DB_PORT:-5432}
export PUBLISHER_DB_USER=${PUBLISHER_DB_USER:-ore_publisher} PUBLISHER_DB_PASSWORD=${PUBLISHER_DB_PASSWORD:-ore_publisher}
export PUBLISHER_DB_NAME
db_admin=${PUBLISHER_DB_ADMIN_USER:-postgres}

log() { printf '%s %s: %s\n' "$(date +%H:%M:%S)" "$HARNESS_NAME" "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

# psql on the run's database: unaligned, tuples only, stops at the first error.
sql() {
    PGPASSWORD=$PUBLISHER_DB_PASSWORD psql -X -q -At -v ON_ERROR_STOP=1 -h "$PUBLISHER_DB_HOST" -p "$PUBLISHER_DB_PORT" \
        -U "$PUBLISHER_DB_USER" -d "$PUBLISHER_DB_NAME" "$@"
}

# An empty database of the run's own, with the role.
recreate_database() {
    PUBLISHER_DB_RECREATE=true PUBLISHER_DB_ADMIN_USER=$db_admin "$root/server-config/postgres/ensure-database.sh" >&2
}

# Builds the EAR, the sandbox extension and a WildFly configured by server-config/wildfly/*.cli
# under <base>, then locate_server.
build_server() { # base build_log
    log "building the EAR and WildFly in $1 (log: $2)"
    mkdir -p "$1"
    (cd "$root" && mvn -B -q package -DskipTests -Dwildfly.base.dir="$1") >"$2" 2>&1 \
        || { tail -n 30 "$2" >&2; fail "build"; }
    locate_server "$@"
}

# Sets wildfly_home and wiremock_jar from a build into <base>, fetching WireMock there if missing.
locate_server() { # base build_log
    wildfly_home=$(ls -d "$1"/wildfly-*/ 2>/dev/null | head -n 1 || true)
    [ -n "$wildfly_home" ] || fail "no WildFly under $1; build first"
    wildfly_home=${wildfly_home%/}
    wiremock_jar=$(pinned_jar version.wiremock org.wiremock:wiremock-standalone "$1" "$2") || fail "fetching WireMock"
}

# The jar of <group>:<artifact>[:<classifier>] at the version the parent pom pins in <property>,
# copied from Maven Central into <dir> unless it is there already; prints its path. The fetch's
# output goes to <log>.
pinned_jar() { # property group:artifact[:classifier] dir log
    local version group artifact classifier jar
    version=$(sed -n "s:.*<$1>\\(.*\\)</$1>.*:\\1:p" "$root/pom.xml")
    IFS=: read -r group artifact classifier <<<"$2"
    jar="$3/$artifact-$version${classifier:+-$classifier}.jar"
    if [ ! -f "$jar" ]; then
        (cd "$root" && mvn -B -q dependency:copy -Dartifact="$group:$artifact:$version${classifier:+:jar:$classifier}" \
            -DoutputDirectory="$3") >>"$4" 2>&1 || return 1
    fi
    echo "$jar"
}

# The platform sandbox on <port>, pid in <dir>/sandbox.pid, output in <dir>/sandbox.log; every
# platform URL of the servers started afterwards points at it. SANDBOX_FAULTS and
# SANDBOX_EXTRA_ARGS pass through to start-sandbox.sh.
start_sandbox() { # dir port
    SANDBOX_PID_FILE="$1/sandbox.pid" SANDBOX_LOG="$1/sandbox.log" \
        "$root/server-config/sandbox/start-sandbox.sh" "$wiremock_jar" "$2" >&2
    for platform in META LINKEDIN X; do export "PUBLISHER_PLATFORM_${platform}_URL=http://127.0.0.1:$2"; done
}

stop_sandbox() { # dir
    [ -f "$1/sandbox.pid" ] && kill "$(cat "$1/sandbox.pid")" 2>/dev/null
    rm -f "$1/sandbox.pid"
}

# A token encryption key and an API signing key pair of this run's own, in <dir>; the servers
# started afterwards trust them, and api_token signs with them.
make_run_keys() { # dir
    mkdir -p "$1"
    export PUBLISHER_TOKEN_KEYS="run=$(head -c 32 /dev/urandom | base64 | tr -d '\n')" PUBLISHER_TOKEN_ACTIVE_KEY=run
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1/private.pem" 2>/dev/null
    openssl pkey -in "$1/private.pem" -pubout -out "$1/public.pem"
    export MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$1/public.pem" MP_JWT_VERIFY_ISSUER="https://sandbox.ore-publisher.dev"
    run_key_dir=$1
}

api_token() { # team role [lifetime seconds]
    DEV_TOKEN_KEY="$run_key_dir/private.pem" "$root/src/scripts/dev-token.sh" "$@"
}

# Starts WildFly in the background on the server folder <base> (a copy of standalone/, or
# standalone/ itself) as node <node>: port offset, node name, transaction node identifier and
# publisher.node.id all distinct per node. Sets server_pid (the launcher; the JVM's pid is in
# <base>/wildfly.pid once it runs). Output is appended to <out_file>, so restarts keep the earlier lines.
start_wildfly() { # base offset node out_file
    rm -f "$1/wildfly.pid"
    JBOSS_PIDFILE="$1/wildfly.pid" LAUNCH_JBOSS_IN_BACKGROUND=1 PUBLISHER_NODE_ID=$3 \
        "$wildfly_home/bin/standalone.sh" -Djboss.server.base.dir="$1" -Djboss.socket.binding.port-offset="$2" \
        -Djboss.node.name="$3" -Djboss.tx.node.id="$3" -Dorg.wildfly.sigterm.suspend.timeout=30 >>"$4" 2>&1 &
    server_pid=$!
}

# Waits until the server's readiness check answers UP; fails when its launcher ends first.
await_ready() { # management_port launcher_pid timeout_seconds log_hint
    local deadline=$((SECONDS + $3))
    while [ "$SECONDS" -lt "$deadline" ]; do
        curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$1/health/ready" && return 0
        kill -0 "$2" 2>/dev/null || fail "WildFly stopped during start-up; see $4"
        sleep 1
    done
    fail "WildFly not ready within $3 s; see $4"
}

# The JVM of a server folder, once it has written its pid.
java_pid_of() { # base
    [ -s "$1/wildfly.pid" ] && cat "$1/wildfly.pid"
}

# Ends a server: TERM to its JVM (a clean shutdown), KILL after 30 s, then waits for the launcher.
stop_wildfly() { # base launcher_pid
    local pid
    pid=$(java_pid_of "$1" || true)
    if [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; then
        for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    [ -n "$2" ] && { kill -TERM "$2" 2>/dev/null || true; wait "$2" 2>/dev/null || true; }
}

# Connects one account per platform for <teams> new teams through the API of the server on
# <http_port>, as a client would (tokens are encrypted at rest, so SQL cannot write accounts), four
# teams at a time. LinkedIn authors are organisations, except every <member_every>-th team's
# (0: none), whose member posts cannot be read back.
connect_accounts() { # http_port teams prefix [member_every]
    local team_n pids=() pid
    for team_n in $(seq 1 "$2"); do
        connect_team "$1" "$team_n" "$3" "${4:-0}" &
        pids+=($!)
        if [ "${#pids[@]}" -eq 4 ] || [ "$team_n" -eq "$2" ]; then
            for pid in "${pids[@]}"; do wait "$pid" || fail "connecting team $3 accounts failed"; done
            pids=()
        fi
    done
    log "connected $2 teams × 3 accounts through the API"
}

connect_team() { # http_port team_n prefix member_every
    local team token platform external status
    team=$(cat /proc/sys/kernel/random/uuid)
    token=$(api_token "$team" publisher)
    for platform in META LINKEDIN X; do
        case $platform in
            META) external="54634913539$(printf '%04d' "$2")" ;;
            LINKEDIN) external="urn:li:organization:$3$2"
                [ "$4" -gt 0 ] && [ $(($2 % $4)) -eq 0 ] && external="urn:li:person:$3$2" ;;
            X) external="22449949$2" ;;
        esac
        status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$1/api/social-media/oauth/connect" \
            -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
            -d "{\"platform\":\"$platform\",\"accountName\":\"$3 $2\",\"accessToken\":\"$3-access-$2\",\"externalAccountId\":\"$external\"}")
        [ "$status" = "201" ] || fail "connecting a $platform account answered $status"
    done
}
