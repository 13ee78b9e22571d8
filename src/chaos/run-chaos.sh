#!/usr/bin/env bash
# Ore Publisher chaos run: several WildFly nodes on one PostgreSQL publish distributions seeded
# straight into the database, against the platform sandbox with a fault mix, while a random node is
# killed (kill -9, then started again) every few seconds and PostgreSQL is restarted mid-run. At the
# end every distribution is checked against what the sandbox created: no duplicates (at most one
# create per distribution), nothing lost (every row settled, every PUBLISHED row backed by exactly
# the create it names). Prints a table; exits non-zero on any duplicate or loss. Notes and the
# last full run's table: src/docs/chaos.md.
#
#   src/chaos/run-chaos.sh            full run: 10,000 distributions, 20 kills, 1 PostgreSQL restart
#   src/chaos/run-chaos.sh --small    2,000 distributions, 5 kills, no PostgreSQL restart (CI)
#
# Options (after --small or alone; environment variable in brackets):
#   --size N          distributions                                          [CHAOS_SIZE]
#   --kills N         node kills                                             [CHAOS_KILLS]
#   --interval S      seconds between kills                                  [CHAOS_INTERVAL]
#   --db-restarts N   PostgreSQL restarts, 0 or 1 (needs root; restarts the machine's shared cluster)
#                                                                            [CHAOS_DB_RESTARTS]
#   --nodes N         WildFly nodes, 2 or 3 (port offsets 600, 700, 800)     [CHAOS_NODES]
#   --teams N         teams, each with one Meta, LinkedIn and X account      [CHAOS_TEAMS]
#   --drain S         seconds the nodes get to settle everything after the last kill [CHAOS_DRAIN]
#   --faults SPEC     the sandbox's fault mix (FaultMix form)                [CHAOS_FAULTS]
#   --no-build        reuse the EAR and server of the previous run in target/chaos/
# The PostgreSQL restart restarts Debian cluster CHAOS_PG_CLUSTER (main); with PUBLISHER_DB_PORT set
# to another cluster's port, a run leaves the machine's main cluster alone.
# Worker settings of the nodes: CHAOS_LEASE (PT20S), CHAOS_POLL (PT1S), CHAOS_READ_TIMEOUT (PT5S),
# CHAOS_RECHECKS (PT10S,PT30S,PT60S).
#
# It uses its own database (ore_publisher_chaos, recreated), its own sandbox (127.0.0.1:18689) and
# its own server folders under target/chaos/ (node-1, node-2, ...: management 10590, 10690, ...).
# Every process it starts is stopped when it ends, also on failure or Ctrl-C.
set -euo pipefail
[ -n "${CHAOS_TRACE:-}" ] && set -x

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }

pg_cluster=${CHAOS_PG_CLUSTER:-main}
size=${CHAOS_SIZE:-10000} kills=${CHAOS_KILLS:-20} interval=${CHAOS_INTERVAL:-15} db_restarts=${CHAOS_DB_RESTARTS:-1}
nodes=${CHAOS_NODES:-2} teams=${CHAOS_TEAMS:-100} drain=${CHAOS_DRAIN:-900} faults=${CHAOS_FAULTS:-}
build=true
if [ "${1:-}" = "--small" ]; then
    size=${CHAOS_SIZE:-2000} kills=${CHAOS_KILLS:-5} interval=${CHAOS_INTERVAL:-12} db_restarts=${CHAOS_DB_RESTARTS:-0}
    teams=${CHAOS_TEAMS:-40} drain=${CHAOS_DRAIN:-600}
    shift
fi
while [ $# -gt 0 ]; do
    case $1 in
        --size) size=$2; shift ;;
        --kills) kills=$2; shift ;;
        --interval) interval=$2; shift ;;
        --db-restarts) db_restarts=$2; shift ;;
        --nodes) nodes=$2; shift ;;
        --teams) teams=$2; shift ;;
        --drain) drain=$2; shift ;;
        --faults) faults=$2; shift ;;
        --no-build) build=false ;;
        -h|--help) usage ;;
        *) echo "run-chaos: unknown option '$1'" >&2; usage ;;
    esac
    shift
done
for number in "$size" "$kills" "$interval" "$db_restarts" "$nodes" "$teams" "$drain"; do
    case $number in ''|*[!0-9]*) echo "run-chaos: '$number' is not a number" >&2; usage ;; esac
done
[ "$nodes" -ge 2 ] && [ "$nodes" -le 3 ] || { echo "run-chaos: --nodes must be 2 or 3" >&2; exit 2; }
[ "$db_restarts" -le 1 ] || { echo "run-chaos: --db-restarts must be 0 or 1" >&2; exit 2; }
[ "$kills" -ge 1 ] || { echo "run-chaos: --kills must be at least 1" >&2; exit 2; }
# Rates of the fault kinds per create call (see it/src/main/java/dev/ore/publisher/sandbox/FaultMix.java).
faults=${faults:-latency=0.3,latency-ms=20-400,rate-limit=0.03,server-error=0.03,reset=0.02,created-500=0.03,created-slow=0.01,slow-ms=6000,rate-limit-seconds=5}

HARNESS_NAME=chaos PUBLISHER_DB_NAME=ore_publisher_chaos
# shellcheck source=../scripts/harness.sh
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/harness.sh"
cd "$root"
chaos_dir="$root/target/chaos"
# CHAOS_PORT_SHIFT moves every port (sandbox, nodes) by that much, so two runs can share a machine.
shift_ports=${CHAOS_PORT_SHIFT:-0}
sandbox_port=$((18689 + shift_ports))
offset() { echo $((500 + shift_ports + 100 * $1)); }

for tool in java mvn psql curl openssl jq; do
    command -v "$tool" >/dev/null 2>&1 || fail "'$tool' is not installed"
done
if [ "$db_restarts" -gt 0 ]; then
    [ "$(id -u)" = 0 ] && command -v pg_ctlcluster >/dev/null 2>&1 \
        || fail "--db-restarts needs root and pg_ctlcluster (Debian's PostgreSQL); use --db-restarts 0"
fi
for n in $(seq 1 "$nodes"); do
    for port in $((8080 + $(offset "$n"))) $((9990 + $(offset "$n"))); do
        ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || fail "port $port is in use (another chaos run?)"
    done
done

launchers=()
cleanup() {
    local n
    for n in $(seq 1 "$nodes"); do
        stop_wildfly "$chaos_dir/node-$n" "${launchers[$n]:-}" 2>/dev/null || true
    done
    stop_sandbox "$chaos_dir" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- set-up ----------------------------------------------------------------------------------
started=$SECONDS
mkdir -p "$chaos_dir"
recreate_database
if $build; then
    build_server "$chaos_dir/server" "$chaos_dir/build.log"
else
    locate_server "$chaos_dir/server" "$chaos_dir/build.log"
fi
SANDBOX_FAULTS=$faults \
SANDBOX_EXTRA_ARGS="--container-threads 200 --no-request-journal --async-response-enabled true --async-response-threads 50" \
    start_sandbox "$chaos_dir" "$sandbox_port"
make_run_keys "$chaos_dir/keys"
export PUBLISHER_POLL_INTERVAL=${CHAOS_POLL:-PT1S}
# A dead node's claims are taken over one lease after its last renewal (live nodes renew theirs
# every 5 s, however long a chunk runs): the worker's default of 20 s.
export PUBLISHER_WORKER_LEASE=${CHAOS_LEASE:-PT20S}
# Read-backs that found nothing are repeated before a resend; shorter than the production schedule
# (+15 s, 1, 3, 10 min) so that a run drains in minutes, long enough for the sandbox's slow creates.
export PUBLISHER_RECONCILIATION_RECHECKS=${CHAOS_RECHECKS:-PT10S,PT30S,PT60S}
export PUBLISHER_PLATFORM_READ_TIMEOUT=${CHAOS_READ_TIMEOUT:-PT5S}

# Node n: its own copy of the configured standalone/ folder, the EAR in its deployments.
start_node() { # n
    start_wildfly "$chaos_dir/node-$1" "$(offset "$1")" "chaos-$1" "$chaos_dir/node-$1.out"
    launchers[$1]=$server_pid
}
for n in $(seq 1 "$nodes"); do
    rm -rf "$chaos_dir/node-$n" "$chaos_dir/node-$n.out"
    cp -r "$wildfly_home/standalone" "$chaos_dir/node-$n"
    cp ear/target/ore-publisher.ear "$chaos_dir/node-$n/deployments/"
    # One after the other: the first start migrates the schema and creates the job repository.
    start_node "$n"
    await_ready $((9990 + $(offset "$n"))) "${launchers[$n]}" 240 "$chaos_dir/node-$n/log/server.log"
    log "node chaos-$n up (port offset $(offset "$n"), JVM pid $(java_pid_of "$chaos_dir/node-$n"))"
done
connect_accounts $((8080 + $(offset 1))) "$teams" chaos 10

# --- chaos -------------------------------------------------------------------------------------
# The distributions are seeded in one batch per kill, each falling due across the following
# interval, so that every kill finds work in flight however long the restarts take.
seed_batch() { # k: the k-th of $kills batches
    local n=$((size / kills + ($1 <= size % kills ? 1 : 0)))
    sql -v n="$n" -v rate="$(echo "scale=3; $n / $interval" | bc)" -v start="$(sql -c "SELECT now()")" \
        -v retry_seconds=1 -v max_retry=10 -f src/benchmark/seed.sql
}
log "seeding $size distributions in $kills batches, each due over the next $interval s (retry interval 1 s, 10 retries)"
log "sandbox fault mix: $faults"

ready_nodes() {
    local n
    for n in $(seq 1 "$nodes"); do
        curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$((9990 + $(offset "$n")))/health/ready" && echo "$n"
    done
    return 0
}
restart_postgres() {
    local version t0
    version=$(ls /etc/postgresql | head -n 1)
    log "RESTARTING the PostgreSQL cluster $version/$pg_cluster now (other test runs on it may see broken connections for a second)"
    t0=$(date +%s.%N)
    pg_ctlcluster --skip-systemctl-redirect "$version" "$pg_cluster" restart
    until sql -c 'SELECT 1' >/dev/null 2>&1; do sleep 0.2; done
    log "PostgreSQL is back after $(echo "$(date +%s.%N) - $t0" | bc | cut -c1-4) s"
}
killed=0 restarted_db=0
chaos_started=$SECONDS
for k in $(seq 1 "$kills"); do
    seed_batch "$k"
    sleep "$interval"
    mapfile -t up < <(ready_nodes)
    if [ "${#up[@]}" -eq 0 ]; then
        log "no node is ready; waiting for one before the next kill"
        for _ in $(seq 1 240); do mapfile -t up < <(ready_nodes); [ "${#up[@]}" -gt 0 ] && break; sleep 1; done
        [ "${#up[@]}" -gt 0 ] || fail "no node became ready again within 240 s"
    fi
    victim=${up[$((RANDOM % ${#up[@]}))]}
    pid=$(java_pid_of "$chaos_dir/node-$victim")
    kill -KILL "$pid"
    wait "${launchers[$victim]}" 2>/dev/null || true
    killed=$((killed + 1))
    log "kill $k/$kills: chaos-$victim (pid $pid) killed with SIGKILL; starting it again"
    start_node "$victim"
    if [ "$restarted_db" -lt "$db_restarts" ] && [ "$k" -eq $(((kills + 1) / 2)) ]; then
        sleep $((interval / 2))
        restart_postgres
        restarted_db=$((restarted_db + 1))
    fi
done
for n in $(seq 1 "$nodes"); do
    await_ready $((9990 + $(offset "$n"))) "${launchers[$n]}" 240 "$chaos_dir/node-$n/log/server.log"
done
chaos_ended=$SECONDS
log "chaos over after $((chaos_ended - chaos_started)) s: $killed kills, $restarted_db PostgreSQL restarts; draining"

# --- drain -------------------------------------------------------------------------------------
terminal="'PUBLISHED', 'FAILED', 'UNKNOWN_OUTCOME', 'WAITING_FOR_ACCOUNT', 'CANCELLED'"
deadline=$((SECONDS + drain))
drained=""
while [ "$SECONDS" -lt "$deadline" ]; do
    open=$(sql -c "SELECT count(*) FROM content_distribution WHERE status NOT IN ($terminal)")
    if [ "$open" = 0 ]; then
        drained=$((SECONDS - chaos_ended))
        break
    fi
    [ $(((SECONDS - chaos_ended) % 15)) -lt 2 ] && log "$open not settled yet: $(sql -F'=' -c \
        "SELECT status, count(*) FROM content_distribution WHERE status NOT IN ($terminal) GROUP BY 1" | tr '\n' ' ')"
    sleep 2
done
[ -n "$drained" ] || log "not drained within $drain s; whatever is still open counts as lost"

# --- verdict -----------------------------------------------------------------------------------
curl -fs "http://127.0.0.1:$sandbox_port/__admin/sandbox/posts" >"$chaos_dir/posts.json" || fail "reading the sandbox's records"
details="$chaos_dir/problems.txt"
figures=$(jq -r '.posts[] | [.id, .account, .createdAt, .text] | @tsv' "$chaos_dir/posts.json" \
    | sql -F' ' -v details="$details" -f src/chaos/check.sql)
read -r total duplicates lost unknown_member unknown_other unknown_codes published failed creates orphans expired reconciled resent retries \
    <<<"$figures"
table=$(cat <<TABLE
| figure | value |
|---|---|
| distributions | $total ($published PUBLISHED, $failed FAILED) over $teams teams × 3 platforms |
| nodes | $nodes (kill -9 of a random ready node every $interval s, started again at once) |
| kills | $killed |
| PostgreSQL restarts | $restarted_db |
| creates the sandbox recorded | $creates ($orphans not traceable to a distribution) |
| **duplicates** (distributions with more than one create) | **$duplicates** |
| **lost** (not settled, or PUBLISHED without its create, or settled unpublished although created) | **$lost** |
| UNKNOWN_OUTCOME, LinkedIn members (cannot be read back; an operator decides) | $unknown_member |
| UNKNOWN_OUTCOME, other accounts (the read-back itself failed; by error code) | $unknown_other ($unknown_codes) |
| audit rows for expired leases (dead nodes' claims settled by read-back) | $expired |
| published by reconciliation (post found on read-back) | $reconciled |
| resent after read-back found nothing | $resent |
| retries scheduled | $retries |
| time to drain after the last kill | ${drained:-not drained within $drain} s |
| wall time (build, start, chaos, drain) | $((SECONDS - started)) s |
TABLE
)
echo "$table"
if [ "$duplicates" != 0 ] || [ "$lost" != 0 ] || [ -z "$drained" ]; then
    log "FAILED: $duplicates duplicates, $lost lost; offenders with their audit trail in $details:"
    head -n 40 "$details" >&2
    log "node logs: $chaos_dir/node-*/log/server.log; the sandbox's records: $chaos_dir/posts.json"
    exit 1
fi
log "passed: no duplicate, nothing lost"
