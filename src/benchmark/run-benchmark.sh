#!/usr/bin/env bash
# Ore Publisher benchmark: the worker against the WireMock sandbox on this machine, side by side
# with PostgreSQL's own ceilings, and a table of the figures in src/docs/benchmarks.md.
#
#   src/benchmark/run-benchmark.sh            full run (see README "Benchmark" for sizes and time)
#   src/benchmark/run-benchmark.sh --smoke    small run for CI: fails on errors, never on timing
#   src/benchmark/run-benchmark.sh --soak     scenario (c) held for SOAK_MINUTES (30) at SOAK_RATE (1000/s):
#                                             drift of throughput and p99 from the first to the last
#                                             5 minutes; writes src/docs/benchmarks-soak.md
#
# Sizes can be set with environment variables: RUNS, WARMUP, SIZE_A, SIZE_B, RATE_C, SECONDS_C, TEAMS,
# PARTITIONS, CHUNK_SIZE, BENCH_JFR and BENCH_PROFILE (below). It sets up its own WildFly (ports +500),
# its own database (ore_publisher_bench, recreated) and its own sandbox (port 18589); nothing is
# configured by hand.
set -euo pipefail
[ -n "${BENCH_TRACE:-}" ] && set -x

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/target/bench"
smoke=false
soak=false
case "${1:-}" in
    --smoke) smoke=true ;;
    --soak) soak=true ;;
    '') ;;
    *) echo "usage: $0 [--smoke | --soak]" >&2; exit 2 ;;
esac
SOAK_MINUTES=${SOAK_MINUTES:-30} SOAK_RATE=${SOAK_RATE:-1000}

if $smoke; then
    RUNS=${RUNS:-1} WARMUP=${WARMUP:-0} SIZE_A=${SIZE_A:-2000} SIZE_B=${SIZE_B:-1000} RATE_C=${RATE_C:-100} SECONDS_C=${SECONDS_C:-10}
else
    RUNS=${RUNS:-3} WARMUP=${WARMUP:-1000000} SIZE_A=${SIZE_A:-100000} SIZE_B=${SIZE_B:-20000} RATE_C=${RATE_C:-1000} SECONDS_C=${SECONDS_C:-60}
fi
TEAMS=${TEAMS:-30}
# 200 calls in flight, as (b) asks, in two partitions of 100: half the chunks of 4 x 50, so half the
# commits, claims and job-repository checkpoints per distribution (src/benchmark/notes.md).
export PUBLISHER_WORKER_PARTITIONS=${PARTITIONS:-2}
export PUBLISHER_WORKER_CHUNK_SIZE=${CHUNK_SIZE:-100}
offset=500
sandbox_port=18589
sandbox_url=http://127.0.0.1:$sandbox_port
db=ore_publisher_bench

HARNESS_NAME=bench PUBLISHER_DB_NAME=$db
# shellcheck source=../scripts/harness.sh
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/harness.sh"
cd "$root"

server_pid=""; floor_pid=""
cleanup() {
    [ -n "$floor_pid" ] && kill "$floor_pid" 2>/dev/null
    [ -n "$server_pid" ] && stop_wildfly "$wildfly_home/standalone" "$server_pid"
    stop_sandbox "$bench_dir"
}
trap cleanup EXIT

load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
# --- set-up --------------------------------------------------------------------------------
mkdir -p "$root/target"
recreate_database
build_server "$bench_dir" "$root/target/bench-build.log"
# WireMock's options for a performance run, here and for the WireMock floor below: no request journal,
# and no request log (without --verbose nothing is printed, but WireMock still formats every request
# and the JSON of every matched stub for it: 9 % of the sandbox's CPU in a JFR profile).
wiremock_perf_args="--container-threads 300 --no-request-journal --disable-request-logging"
SANDBOX_EXTRA_ARGS="$wiremock_perf_args --async-response-enabled true --async-response-threads 50" \
    start_sandbox "$bench_dir" "$sandbox_port"
make_run_keys "$root/target/bench-jwt"
export PUBLISHER_POLL_INTERVAL=${PUBLISHER_POLL_INTERVAL:-PT5S}
# An ambiguous answer (a broken connection) is read back before anything is sent again; with the
# product's re-checks (up to 14 min) one such row would hold up a scenario, so they are short here.
export PUBLISHER_RECONCILIATION_RECHECKS=${PUBLISHER_RECONCILIATION_RECHECKS:-PT2S,PT5S}
cp ear/target/ore-publisher.ear "$wildfly_home/standalone/deployments/"
start_wildfly "$wildfly_home/standalone" "$offset" bench "$bench_dir/server.out"
await_ready $((9990 + offset)) "$server_pid" 120 "$wildfly_home/standalone/log/server.log"
java_pid=$(java_pid_of "$wildfly_home/standalone")
rss_mb() { ps -o rss= -p "$java_pid" | awk '{printf "%d", $1/1024}'; }
heap_mb() { { jcmd "$java_pid" GC.heap_info 2>/dev/null || true; } | awk '/garbage-first heap|def new generation|PSYoungGen|total/ {for(i=1;i<=NF;i++) if($i=="used") {v=$(i+1); sub(/K,?/,"",v); printf "%d", v/1024; exit}}'; }
sleep 5
rss_start=$(rss_mb); heap_start=$(heap_mb)
log "WildFly up (pid $java_pid, RSS ${rss_start} MB); partitions=$PUBLISHER_WORKER_PARTITIONS chunk=$PUBLISHER_WORKER_CHUNK_SIZE"

connect_accounts $((8080 + offset)) "$TEAMS" bench

# The worker must not take part in the references: its timer is paused through the admin API.
admin_token=$(api_token "$(cat /proc/sys/kernel/random/uuid)" admin 600)
timer() { # pause|resume
    curl -fs -o /dev/null -X POST -H "Authorization: Bearer $admin_token" \
        "http://127.0.0.1:$((8080 + offset))/api/admin/timers/publish-due-distributions/$1" || fail "could not $1 the timer"
}

commits() { sql -c "SELECT xact_commit FROM pg_stat_database WHERE datname = '$db'"; }
# CPU seconds (user + system) a process has used so far; 0 once it has ended.
proc_cpu() { # pid
    awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat" 2>/dev/null || echo 0
}
# CPU seconds used so far by WildFly, the sandbox, all PostgreSQL processes, and the whole machine
# (busy, from /proc/stat): where the cores go during a scenario. Backends that ended are not counted.
cpu_seconds() {
    local hz wildfly sandbox postgres busy
    hz=$(getconf CLK_TCK)
    wildfly=$(proc_cpu "$java_pid"); sandbox=$(proc_cpu "$(cat "$bench_dir/sandbox.pid")")
    postgres=$(for pid in $(pgrep -x postgres); do proc_cpu "$pid"; echo; done | awk '{s += $1} END {printf "%.2f", s}')
    busy=$(awk -v hz="$hz" '/^cpu / {printf "%.2f", ($2 + $3 + $4 + $7 + $8) / hz}' /proc/stat)
    echo "$wildfly $sandbox $postgres $busy"
}
# Per-distribution CPU of each, in microseconds, between two cpu_seconds readings: "wildfly sandbox postgres machine".
cpu_per_item() { # before after n
    paste -d' ' <(tr ' ' '\n' <<<"$1") <(tr ' ' '\n' <<<"$2") | awk -v n="$3" '{printf "%d ", 1e6 * ($2 - $1) / n} END {print ""}'
}
reset() {
    sql -f src/benchmark/reset.sql
    curl -fs -o /dev/null -X DELETE "$sandbox_url/__admin/sandbox/posts" || fail "clearing the sandbox's records"
}
seed() { # n rate start
    sql -v n="$1" -v rate="$2" -v start="$3" -v retry_seconds=5 -f src/benchmark/seed.sql
}
# The rows not yet terminal, and the UNKNOWN_OUTCOME ones as "id:error_code ...". Counted through the
# partial index each such status has (a few entries while a scenario drains) rather than by reading
# the whole table once a second, which cost PostgreSQL 30-47 ms a poll, charged to the worker's
# CPU per distribution.
ACTIVE_ROWS="
    SELECT (SELECT count(*) FROM content_distribution WHERE status IN ('SCHEDULED', 'RETRY_SCHEDULED'))
         + (SELECT count(*) FROM content_distribution WHERE status = 'PUBLISHING')
         + (SELECT count(*) FROM content_distribution WHERE status = 'RECHECK_SCHEDULED')
         + (SELECT count(*) FROM content_distribution WHERE status = 'WAITING_FOR_ACCOUNT')
         + (SELECT count(*) FROM content_distribution WHERE status = 'UNKNOWN_OUTCOME'),
           (SELECT string_agg(id || ':' || coalesce(last_error_code, 'none'), ' ')
              FROM content_distribution WHERE status = 'UNKNOWN_OUTCOME')"
# Waits until all n rows are terminal; fails after the timeout. A row the worker could not settle
# (UNKNOWN_OUTCOME: an ambiguous answer that reading back could not resolve) waits for an operator,
# as in production, and the benchmark acts as one (settle_unknown).
operator_settled=0
drain() { # n timeout_seconds
    local deadline=$((SECONDS + $2)) active unknown posts row
    while [ "$SECONDS" -lt "$deadline" ]; do
        IFS='|' read -r active unknown < <(sql -c "$ACTIVE_ROWS")
        [ "$active" -eq 0 ] && [ "$(sql -c "SELECT count(*) FROM content_distribution")" -ge "$1" ] && return 0
        if [ -n "$unknown" ]; then
            posts=$(curl -fs "$sandbox_url/__admin/sandbox/posts") || fail "reading the sandbox's records"
            for row in $unknown; do settle_unknown "${row%%:*}" "${row#*:}" "$posts"; done
        fi
        sleep 1
    done
    sql -c "SELECT status, count(*) FROM content_distribution GROUP BY 1" >&2
    fail "not drained within $2 s"
}
# What the runbook asks of an operator for an UNKNOWN_OUTCOME row: look on the platform. The
# benchmark's seeds name their distribution in the post text, so the sandbox's records tell whether
# the post exists: then mark-published, else publish-again (sent once more, still created once).
settle_unknown() { # distribution_id error_code sandbox_posts_json
    local verdict=publish-again token
    if jq -e --arg id "$1" 'any(.posts[]; .text | contains($id))' <<<"$3" >/dev/null; then
        verdict=mark-published
    fi
    token=$(api_token "$(cat /proc/sys/kernel/random/uuid)" admin 60)
    curl -fs -o /dev/null -X POST -H "Authorization: Bearer $token" \
        "http://127.0.0.1:$((8080 + offset))/api/admin/distributions/$1/$verdict" || fail "could not $verdict $1"
    operator_settled=$((operator_settled + 1))
    log "UNKNOWN_OUTCOME $1 ($2): $verdict, as an operator would"
}
# Distributions per second from the first publish to the last, on the database clock: the wait
# for the next poll before the first claim is latency, which scenario (c) measures, not throughput.
rate() {
    sql -c "SELECT round((count(*) - 1) / greatest(extract(epoch FROM max(published_at) - min(published_at)), 0.001))
              FROM content_distribution"
}
# Every row published exactly once and never early: PUBLISHED with one content_published audit
# row each, and as many creates in the sandbox's records as rows (every PUBLISHED row had a create,
# so one more anywhere would be a duplicate). A row sent again after an ambiguous answer whose
# read-backs found nothing is no fault while the platform holds one post for it: counted in resent.
check_clean() { # n
    local bad creates
    bad=$(sql -c "SELECT count(*) FILTER (WHERE status <> 'PUBLISHED') || ' ' || count(*) FILTER (WHERE published_at < publish_on_utc)
                   FROM content_distribution")
    [ "$bad" = "0 0" ] || fail "unpublished / early rows: $bad"
    [ "$(sql -c "SELECT count(*) FROM audit_log WHERE action = 'content_published'")" = "$1" ] || fail "audit rows != $1"
    creates=$(curl -fs "$sandbox_url/__admin/sandbox/posts/count" | jq -r .posts) || fail "reading the sandbox's records"
    [ "$creates" = "$1" ] || fail "the sandbox created $creates posts for $1 distributions"
    resent=$((resent + $(sql -c "SELECT count(*) FROM content_distribution WHERE attempt_count > 1")))
}
resent=0

# Waits until at least n rows are published.
wait_published() { # n timeout_seconds
    local deadline=$((SECONDS + $2))
    while [ "$(sql -c "SELECT count(*) FROM content_distribution WHERE status = 'PUBLISHED'")" -lt "$1" ]; do
        [ "$SECONDS" -lt "$deadline" ] || fail "fewer than $1 published within $2 s"
        sleep 0.5
    done
}

# --- warm-up -----------------------------------------------------------------------------------
# WildFly and the sandbox are JVMs: until their JIT compilers have compiled the hot paths, each
# request costs several times its steady-state CPU, and on two shared cores the compiler threads
# take CPU from the work they compile. So the worker publishes rounds of WARMUP_ROUND
# distributions (dropped, not counted) until WildFly's compiler threads used less than
# WARMUP_JIT_PERCENT of its CPU in a round (after at least two rounds), or WARMUP distributions in
# all. It runs right before (a): a compilation still queued when the load stops is dropped by the
# JVM, and would be redone inside the first measured run.
# CPU seconds WildFly's JIT compiler threads (HotSpot's "C1/C2 CompilerThread…") have used so far.
jit_cpu() {
    local task
    for task in /proc/"$java_pid"/task/*; do
        case $(cat "$task/comm" 2>/dev/null) in
            C1\ Compiler*|C2\ Compiler*) awk '{print $14 + $15}' "$task/stat" 2>/dev/null ;;
        esac
    done | awk -v hz="$(getconf CLK_TCK)" '{s += $1} END {printf "%.2f", s / hz}'
}
# "wildfly_cpu jit_cpu": WildFly's CPU seconds so far, and its JIT compilers' part of them.
wildfly_and_jit_cpu() {
    echo "$(proc_cpu "$java_pid") $(jit_cpu)"
}
# Percent of WildFly's CPU between two wildfly_and_jit_cpu readings that its JIT compilers used.
jit_share() { # before after
    awk -v b="$1" -v a="$2" 'BEGIN {split(b, x, " "); split(a, y, " "); w = y[1] - x[1]; j = y[2] - x[2];
        printf "%.1f", (w > 0 && j > 0) ? 100 * j / w : 0}'
}
warm_rounds=0; warmed=0; warm_jit=""
warm_up() {
    local round=${WARMUP_ROUND:-100000} n before after
    while [ "$warmed" -lt "$WARMUP" ]; do
        n=$((WARMUP - warmed < round ? WARMUP - warmed : round))
        reset
        seed "$n" 0 "$(sql -c "SELECT now()")"
        before=$(wildfly_and_jit_cpu)
        drain "$n" 1800
        after=$(wildfly_and_jit_cpu)
        warmed=$((warmed + n)); warm_rounds=$((warm_rounds + 1)); warm_jit=$(jit_share "$before" "$after")
        log "warm-up round $warm_rounds: $n distributions at $(rate)/s, WildFly $(echo "$before $after" |
            awk -v n="$n" '{printf "%d", 1e6 * ($3 - $1) / n}') µs of CPU each, ${warm_jit} % of it JIT compiling (not counted)"
        [ "$warm_rounds" -ge 2 ] && awk -v s="$warm_jit" -v t="${WARMUP_JIT_PERCENT:-5}" 'BEGIN {exit !(s < t)}' && break
    done
    return 0
}

# The JVMs the profilers below attach to, as "name:pid" words.
bench_jvms() { echo "wildfly:$java_pid sandbox:$(cat "$bench_dir/sandbox.pid")"; }

# BENCH_JFR=1 records WildFly and the sandbox with JFR (settings BENCH_JFR_SETTINGS, default profile;
# default costs less and samples less often), dumped to target/bench/{wildfly,sandbox}.jfr when the
# run ends. The recording starts before the warm-up, not after it: starting it in a warm JVM
# instruments classes (JFR's error and exception events), which throws away the compiled code that
# inlined them, and the first runs measured after that cost WildFly four times its steady-state CPU
# (865 instead of 198 µs a distribution, 16 % of it recompiling). Profile (a) alone by the samples
# after the time logged at "(a) starts".
start_jfr() {
    [ -n "${BENCH_JFR:-}" ] || return 0
    jvms=$(bench_jvms)
    for jvm in $jvms; do
        jcmd "${jvm#*:}" JFR.start name=bench settings=${BENCH_JFR_SETTINGS:-profile} "filename=$bench_dir/${jvm%%:*}.jfr" >/dev/null \
            || fail "starting JFR in ${jvm%%:*}"
    done
    trap 'for jvm in $jvms; do jcmd "${jvm#*:}" JFR.dump name=bench >/dev/null || true; done; cleanup' EXIT
}

# BENCH_PROFILE=1 profiles WildFly and the sandbox with async-profiler (version.async-profiler in
# pom.xml, fetched from Maven Central into target/bench) during each run of (a) only, and writes
# per run a flame graph (target/bench/profile-a<run>-<jvm>.html) and the collapsed stacks beside it
# (.collapsed: one line per stack, its thread's name as the first frame); the log gives each JVM's
# CPU samples by thread group. It samples CPU time, whichever thread spends it, at its default
# 10 ms (event BENCH_PROFILE_EVENT, default cpu: perf_events, kernel frames included; set it to
# ctimer where the kernel refuses perf_events). JFR samples a few threads per period, so with 200
# call threads it weighs the two always-busy batch threads too heavily (src/benchmark/notes.md).
profiler_lib=""
locate_profiler() {
    [ -n "${BENCH_PROFILE:-}" ] || return 0
    local jar
    jar=$(pinned_jar version.async-profiler tools.profiler:async-profiler:linux-x64 "$bench_dir" "$root/target/bench-build.log") \
        || fail "fetching async-profiler (see target/bench-build.log)"
    (cd "$bench_dir" && jar xf "$jar" linux-x64/libasyncProfiler.so) || fail "unpacking async-profiler"
    profiler_lib="$bench_dir/linux-x64/libasyncProfiler.so"
}
profiler() { # pid command
    java src/benchmark/ProfilerAttach.java "$1" "$profiler_lib" "$2" >/dev/null
}
start_profile() {
    [ -n "$profiler_lib" ] || return 0
    local jvm
    for jvm in $(bench_jvms); do
        profiler "${jvm#*:}" "start,event=${BENCH_PROFILE_EVENT:-cpu},threads" || fail "starting async-profiler in ${jvm%%:*}"
    done
}
stop_profile() { # run
    [ -n "$profiler_lib" ] || return 0
    local jvm out
    for jvm in $(bench_jvms); do
        out="$bench_dir/profile-a$1-${jvm%%:*}"
        { profiler "${jvm#*:}" "dump,collapsed,file=$out.collapsed" && profiler "${jvm#*:}" "stop,file=$out.html"; } \
            || fail "stopping async-profiler in ${jvm%%:*}"
        log "(a) run $1: ${jvm%%:*}'s CPU samples by thread group: $(thread_shares "$out.collapsed") ($out.html)"
    done
}
# The five thread groups (names with their numbers taken out) with the most samples, and their shares.
thread_shares() { # collapsed_stacks
    awk '{n = $NF; t = $0; sub(/;.*/, "", t); sub(/^\[/, "", t); sub(/ tid=[0-9]+\].*$/, "", t); gsub(/[0-9]+/, "#", t)
          s[t] += n; all += n}
         END {for (t in s) printf "%.1f\t%s\n", 100 * s[t] / all, t}' "$1" |
        sort -rn | head -n 5 | awk -F'\t' '{printf "%s%s %s %%", (NR > 1 ? ", " : ""), $2, $1}'
}

# --- (e) soak: scenario (c) held for SOAK_MINUTES -------------------------------------------------
# Rows are scheduled ten seconds' worth at a time, about 20 s before they are due, as clients
# would; the table grows by SOAK_RATE rows a second for the whole run (1.8 million at the
# defaults), with its audit rows. Figures are taken per 5-minute window of due times.
if $soak; then
    start_jfr
    warm_up
    window=${SOAK_WINDOW:-300}
    total=$((SOAK_MINUTES * 60))
    reset
    soak_start=$(sql -c "SELECT now() + interval '20 seconds'")
    log "(e) soak: $SOAK_RATE/s for $SOAK_MINUTES min from $soak_start"
    seeded=0; rss_samples=()
    while [ "$seeded" -lt "$total" ]; do
        seed $((SOAK_RATE * 10)) "$SOAK_RATE" "$(sql -c "SELECT '$soak_start'::timestamptz + make_interval(secs => $seeded)")"
        seeded=$((seeded + 10))
        [ $((seeded % window)) -eq 0 ] && rss_samples+=("$(rss_mb)") && log "(e) $((seeded / 60)) min seeded, RSS ${rss_samples[-1]} MB"
        while [ "$(sql -c "SELECT extract(epoch FROM '$soak_start'::timestamptz + make_interval(secs => $seeded) - now())::int")" -gt 20 ]; do
            sleep 1
        done
    done
    drain $((SOAK_RATE * total)) 900
    check_clean $((SOAK_RATE * total))
    # Per window: distributions due in it, distributions published in it per second, and the
    # due → published latency of those due in it.
    windows=$(sql -F' ' -c "
        WITH due AS (SELECT least(floor(extract(epoch FROM publish_on_utc - '$soak_start'::timestamptz) / $window),
                                  $((total / window - 1))) AS k,
                            extract(epoch FROM published_at - publish_on_utc) AS l FROM content_distribution),
             latency AS (SELECT k, count(*) AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY l) AS p50,
                                percentile_cont(0.99) WITHIN GROUP (ORDER BY l) AS p99 FROM due GROUP BY k),
             published AS (SELECT floor(extract(epoch FROM published_at - '$soak_start'::timestamptz) / $window) AS k,
                                  count(*) AS n FROM content_distribution GROUP BY 1)
        SELECT latency.k + 1, latency.n, round(COALESCE(published.n, 0) / $window.0), round(p50::numeric, 2),
               round(p99::numeric, 2)
          FROM latency LEFT JOIN published USING (k) ORDER BY latency.k")
    first=$(head -n 1 <<<"$windows"); last=$(tail -n 1 <<<"$windows")
    drift() { echo "scale=1; 100 * ($2 - $1) / $1" | bc; } # first last → percent
    report=$(
        echo "| window (5 min of due times) | distributions | published per s | p50 due → published (s) | p99 (s) |"
        echo "|---|---|---|---|---|"
        while read -r k n per p50 p99; do echo "| $k | $n | $per | $p50 | $p99 |"; done <<<"$windows"
        echo
        echo "Drift from the first to the last window: throughput $(drift "$(cut -d' ' -f3 <<<"$first")" "$(cut -d' ' -f3 <<<"$last")") %,"
        echo "p99 $(drift "$(cut -d' ' -f5 <<<"$first")" "$(cut -d' ' -f5 <<<"$last")") % (target: both within ±20 %)."
        echo "WildFly RSS every 5 minutes (MB): ${rss_samples[*]}."
        echo "Distributions sent again after an ambiguous answer (each still created once): $resent;"
        echo "left UNKNOWN_OUTCOME and settled through the admin API, as an operator would: $operator_settled."
        echo "content_distribution at the end: $(sql -c "SELECT pg_size_pretty(pg_total_relation_size('content_distribution'))"),"
        echo "due index $(sql -c "SELECT pg_size_pretty(pg_relation_size('content_distribution_due_idx'))"); autovacuum runs on it:"
        echo "$(sql -c "SELECT autovacuum_count FROM pg_stat_user_tables WHERE relname = 'content_distribution'") (the server's autovacuum setting:"
        echo "$(sql -c "SHOW autovacuum"); dead rows in content_distribution at the end: $(sql -c "SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = 'content_distribution'"))."
    )
    echo "$report"
    {
        echo "# Soak: scenario (c) for $SOAK_MINUTES minutes"
        echo
        echo "Generated by \`src/benchmark/run-benchmark.sh --soak\` on $(date -u +%F) — $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB;"
        echo "$SOAK_RATE distributions due per second, poll $PUBLISHER_POLL_INTERVAL, $PUBLISHER_WORKER_PARTITIONS partitions × chunk $PUBLISHER_WORKER_CHUNK_SIZE."
        echo "Load average when the run started: $load_at_start."
        echo
        echo "$report"
    } >src/docs/benchmarks-soak.md
    log "wrote src/docs/benchmarks-soak.md; no lost, duplicate or early publication"
    exit 0
fi

# --- references -------------------------------------------------------------------------------
ref_runs=(); ceiling_runs=(); sandbox_runs=(); sandbox_cpu=(); floor_runs=(); floor_cpu=()
timer pause
# The WireMock floor: plain WireMock with three static create stubs (no templating, no extension,
# no error cases): what any WireMock sandbox costs a call on these cores, whatever its stubs.
floor_port=18590
# shellcheck disable=SC2086 # the options are words
java -jar "$wiremock_jar" --root-dir src/benchmark/wiremock-floor --port "$floor_port" --bind-address 127.0.0.1 \
    --disable-banner $wiremock_perf_args >"$bench_dir/wiremock-floor.log" 2>&1 </dev/null &
floor_pid=$!
floor_deadline=$((SECONDS + 60))
until curl -fs -o /dev/null "http://127.0.0.1:$floor_port/__admin/health"; do
    { kill -0 "$floor_pid" 2>/dev/null && [ "$SECONDS" -lt "$floor_deadline" ]; } \
        || fail "the WireMock floor did not start (see $bench_dir/wiremock-floor.log)"
    sleep 0.5
done
# Calls per second and the server's CPU per call (µs) of one SandboxLoad run: "calls_per_s cpu_us".
load_run() { # base_url server_pid calls
    local before rate
    before=$(proc_cpu "$2")
    rate=$(java src/benchmark/SandboxLoad.java "$1" 8 "$3" "$TEAMS") || return 1
    echo "$rate $(cpu_per_item "$before" "$(proc_cpu "$2")" "$3")"
}
load_calls=$($smoke && echo 3000 || echo 30000)
# Both warmed up first (JIT, as for WildFly below); the sandbox forgets the posts of its warm-up.
load_run "http://127.0.0.1:$floor_port" "$floor_pid" $((load_calls * 2)) >/dev/null || fail "warming up the WireMock floor"
load_run "$sandbox_url" "$(cat "$bench_dir/sandbox.pid")" $((load_calls * 5)) >/dev/null || fail "warming up the sandbox"
pgbench_db=ore_publisher_pgbench
psql -X -q -h "$PUBLISHER_DB_HOST" -p "$PUBLISHER_DB_PORT" -U "$db_admin" -d postgres \
    -c "DROP DATABASE IF EXISTS $pgbench_db" -c "CREATE DATABASE $pgbench_db OWNER $PUBLISHER_DB_USER" >&2
PGPASSWORD=$PUBLISHER_DB_PASSWORD pgbench -q -i -s 10 -h "$PUBLISHER_DB_HOST" -p "$PUBLISHER_DB_PORT" -U "$PUBLISHER_DB_USER" "$pgbench_db" >/dev/null 2>&1
ceiling_n=$([ "$SIZE_A" -lt 50000 ] && echo "$SIZE_A" || echo 50000)
# One TPS_ref measurement: pgbench's simple-update, 8 clients, for 20 s (5 in the smoke run).
tps_ref() {
    PGPASSWORD=$PUBLISHER_DB_PASSWORD pgbench -N -c 8 -j 2 -T "$($smoke && echo 5 || echo 20)" -h "$PUBLISHER_DB_HOST" \
        -p "$PUBLISHER_DB_PORT" -U "$PUBLISHER_DB_USER" "$pgbench_db" 2>/dev/null | awk '/^tps/ {printf "%d", $3; exit}'
}
for run in $(seq 1 "$RUNS"); do
    tps=$(tps_ref)
    ref_runs+=("$tps")
    reset; seed "$ceiling_n" 0 "$(date -u +%FT%T)Z"
    start=$(date +%s.%N)
    PGPASSWORD=$PUBLISHER_DB_PASSWORD pgbench -n -f src/benchmark/ceiling.sql -c 4 -j 2 -t $((ceiling_n / 50 / 4 + 20)) \
        -h "$PUBLISHER_DB_HOST" -p "$PUBLISHER_DB_PORT" -U "$PUBLISHER_DB_USER" "$db" >/dev/null 2>&1 || true
    elapsed=$(echo "$(date +%s.%N) - $start" | bc)
    done_rows=$(sql -c "SELECT count(*) FROM content_distribution WHERE status = 'PUBLISHED'")
    ceiling_runs+=("$(echo "$done_rows / $elapsed" | bc)")
    # The sandbox's own ceiling: what it answers with the cores to itself, the worker idle.
    read -r calls cpu < <(load_run "$sandbox_url" "$(cat "$bench_dir/sandbox.pid")" "$load_calls") || fail "the sandbox load run"
    sandbox_runs+=("$calls"); sandbox_cpu+=("$cpu")
    read -r calls cpu < <(load_run "http://127.0.0.1:$floor_port" "$floor_pid" "$load_calls") || fail "the WireMock floor load run"
    floor_runs+=("$calls"); floor_cpu+=("$cpu")
    log "reference run $run: TPS_ref=$tps, batched ceiling=${ceiling_runs[-1]}/s ($done_rows rows)," \
        "sandbox ceiling=${sandbox_runs[-1]}/s (${sandbox_cpu[-1]} µs a call), WireMock floor=${floor_runs[-1]}/s (${floor_cpu[-1]} µs a call)"
done
kill "$floor_pid" 2>/dev/null; floor_pid=""
reset
timer resume
start_jfr
locate_profiler
warm_up
log "(a) starts at $(date -u +%Y-%m-%dT%H:%M:%SZ)"

# --- (a) throughput, 0 ms latency ----------------------------------------------------------
# TPS_ref is measured again beside every run of (a), before the first and after each, and each run is
# compared with the mean of the two around it: this machine's speed drifts within minutes, and
# TPS_ref not in step with the worker (src/benchmark/notes.md, "References").
a_runs=(); a_jit=(); a_commits=(); a_cpu_w=(); a_cpu_s=(); a_cpu_p=(); a_cpu_m=(); a_refs=(); a_ratios=(); a_room=()
a_refs+=("$(tps_ref)")
for run in $(seq 1 "$RUNS"); do
    reset
    c0=$(commits)
    seed "$SIZE_A" 0 "$(sql -c "SELECT now()")"
    start_profile
    cpu0=$(cpu_seconds); jit0=$(wildfly_and_jit_cpu)
    if [ "$run" = 1 ]; then
        # (d): memory after the first tenth of the work (10,000 of 100,000), to compare with after all of it.
        early=$((SIZE_A / 10))
        wait_published "$early" 3600
        rss_early=$(rss_mb)
    fi
    drain "$SIZE_A" 3600
    check_clean "$SIZE_A"
    a_jit+=("$(jit_share "$jit0" "$(wildfly_and_jit_cpu)")")
    c1=$(commits)
    read -r cpu_w cpu_s cpu_p cpu_m < <(cpu_per_item "$cpu0" "$(cpu_seconds)" "$SIZE_A")
    a_cpu_w+=("$cpu_w"); a_cpu_s+=("$cpu_s"); a_cpu_p+=("$cpu_p"); a_cpu_m+=("$cpu_m")
    stop_profile "$run"
    a_runs+=("$(rate)")
    a_commits+=("$(echo "scale=3; ($c1 - $c0) / $SIZE_A" | bc)")
    a_refs+=("$(tps_ref)")
    a_ratios+=("$(echo "scale=2; 2 * ${a_runs[-1]} / (${a_refs[-2]} + ${a_refs[-1]})" | bc)")
    # What a distribution may cost WildFly for (a) to keep up with TPS_ref: the CPU the cores have per
    # distribution at the TPS_ref measured around this run, less what the sandbox, PostgreSQL and the
    # rest of the machine spent on it in this run.
    a_room+=("$(echo "2 * 1000000 * $(nproc) / (${a_refs[-2]} + ${a_refs[-1]}) - ($cpu_m - $cpu_w)" | bc)")
    log "(a) run $run: ${a_runs[-1]}/s, ${a_commits[-1]} commits per distribution (commits include the drain polls);" \
        "CPU per distribution (µs): WildFly $cpu_w (${a_jit[-1]} % JIT compiling), sandbox $cpu_s, PostgreSQL $cpu_p, whole machine $cpu_m;" \
        "TPS_ref before ${a_refs[-2]}, after ${a_refs[-1]}: ${a_ratios[-1]} × TPS_ref;" \
        "at that TPS_ref WildFly could have spent ${a_room[-1]} µs"
done
rss_after_a=$(rss_mb); heap_after_a=$(heap_mb)

# --- (b) throughput, 100 ms ± 20 ms latency ----------------------------------------------------
curl -fs -X POST "http://127.0.0.1:$sandbox_port/__admin/settings" -H 'Content-Type: application/json' \
    -d '{"delayDistribution":{"type":"uniform","lower":80,"upper":120}}' >/dev/null
in_flight=$((PUBLISHER_WORKER_PARTITIONS * PUBLISHER_WORKER_CHUNK_SIZE))
bound=$((in_flight * 10))
b_runs=(); b_cpu_w=(); b_cpu_s=(); b_cpu_p=(); b_cpu_m=()
for run in $(seq 1 "$RUNS"); do
    reset
    seed "$SIZE_B" 0 "$(sql -c "SELECT now()")"
    cpu0=$(cpu_seconds)
    drain "$SIZE_B" 3600
    check_clean "$SIZE_B"
    read -r cpu_w cpu_s cpu_p cpu_m < <(cpu_per_item "$cpu0" "$(cpu_seconds)" "$SIZE_B")
    b_cpu_w+=("$cpu_w"); b_cpu_s+=("$cpu_s"); b_cpu_p+=("$cpu_p"); b_cpu_m+=("$cpu_m")
    b_runs+=("$(rate)")
    log "(b) run $run: ${b_runs[-1]}/s against a bound of $bound/s ($in_flight calls in flight);" \
        "CPU per distribution (µs): WildFly $cpu_w, sandbox $cpu_s, PostgreSQL $cpu_p, whole machine $cpu_m"
done
curl -fs -X POST "http://127.0.0.1:$sandbox_port/__admin/settings" -H 'Content-Type: application/json' \
    -d '{"delayDistribution":null}' >/dev/null

# --- (c) steady load: due-to-published latency on the database clock ------------------------------
c_p50=(); c_p95=(); c_p99=()
for run in $(seq 1 "$RUNS"); do
    reset
    n=$((RATE_C * SECONDS_C))
    seed "$n" "$RATE_C" "$(sql -c "SELECT now() + interval '5 seconds'")"
    drain "$n" $((SECONDS_C + 600))
    check_clean "$n"
    read -r p50 p95 p99 < <(sql -F' ' -c "SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY l)::numeric, 2),
        round(percentile_cont(0.95) WITHIN GROUP (ORDER BY l)::numeric, 2), round(percentile_cont(0.99) WITHIN GROUP (ORDER BY l)::numeric, 2)
        FROM (SELECT extract(epoch FROM published_at - publish_on_utc) AS l FROM content_distribution) x")
    c_p50+=("$p50"); c_p95+=("$p95"); c_p99+=("$p99")
    log "(c) run $run: p50 ${p50} s, p95 ${p95} s, p99 ${p99} s"
done
rss_end=$(rss_mb); heap_end=$(heap_mb)

# --- report --------------------------------------------------------------------------------
spread() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {printf "%s / %s / %s", v[1], v[int((NR+1)/2)], v[NR]}'; }
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
ref=$(median "${ref_runs[@]}"); ceiling=$(median "${ceiling_runs[@]}"); sandbox_ceiling=$(median "${sandbox_runs[@]}"); a=$(median "${a_runs[@]}"); b=$(median "${b_runs[@]}")
report=$(cat <<REPORT
| figure | min / median / max | target | verdict |
|---|---|---|---|
| TPS_ref: \`pgbench -N\`, 8 clients, scale 10 (tx/s) | $(spread "${ref_runs[@]}") | reference | |
| batched ceiling: pure-SQL claim 50 → outcome → audit, 4 clients (distributions/s) | $(spread "${ceiling_runs[@]}") | reference | |
| sandbox ceiling: the WireMock sandbox alone answering creates for 8 client threads (calls/s) | $(spread "${sandbox_runs[@]}") | reference | |
| sandbox's CPU per create in that run (µs) | $(spread "${sandbox_cpu[@]}") | reference | |
| WireMock floor: plain WireMock, three static create stubs, same load (calls/s) | $(spread "${floor_runs[@]}") | reference | |
| WireMock floor's CPU per create (µs) | $(spread "${floor_cpu[@]}") | reference | |
| TPS_ref beside (a): before its first run and after each (tx/s) | $(spread "${a_refs[@]}") | reference | |
| (a) worker, $SIZE_A distributions, 0 ms (distributions/s) | $(spread "${a_runs[@]}") | ≥ 1.0 × TPS_ref | $(echo "scale=2; $a / $ref" | bc) × the references' TPS_ref, $(echo "scale=2; $a / $ceiling" | bc) × ceiling, $(echo "scale=2; $a / $sandbox_ceiling" | bc) × sandbox ceiling |
| (a) each run ÷ the mean of the TPS_ref measured before and after it | $(spread "${a_ratios[@]}") | ≥ 1.0 | $(median "${a_ratios[@]}") × TPS_ref (median) |
| (a) commits per distribution (\`xact_commit\` delta ÷ N) | $(spread "${a_commits[@]}") | ≤ 0.3 | |
| (a) CPU per distribution, WildFly (µs) | $(spread "${a_cpu_w[@]}") | | |
| (a) share of WildFly's CPU spent by its JIT compilers (%) | $(spread "${a_jit[@]}") | | after $warmed distributions of warm-up in $warm_rounds rounds (last round: ${warm_jit:-–} %) |
| (a) CPU per distribution, WireMock sandbox (µs) | $(spread "${a_cpu_s[@]}") | | |
| (a) CPU per distribution, PostgreSQL (µs) | $(spread "${a_cpu_p[@]}") | | |
| (a) what WildFly could spend per distribution at the \`TPS_ref\` beside each run: the cores' CPU at that rate less the sandbox's, PostgreSQL's and the rest of the machine's in the run (µs) | $(spread "${a_room[@]}") | ≥ WildFly's CPU per distribution | WildFly spent $(median "${a_cpu_w[@]}") (median) |
| (a) CPU per distribution, whole machine (µs; $(nproc) cores = $((1000000 * $(nproc) / ${ref:-1})) µs at the references' TPS_ref, $((1000000 * $(nproc) / $(median "${a_refs[@]}"))) at TPS_ref beside (a)) | $(spread "${a_cpu_m[@]}") | | |
| (b) worker, $SIZE_B distributions, 100 ± 20 ms (distributions/s) | $(spread "${b_runs[@]}") | ≥ 90 % of $bound ($in_flight in flight) | $(echo "scale=0; 100 * $b / $bound" | bc) % |
| (b) CPU per distribution, WildFly / sandbox / PostgreSQL (µs, medians) | $(median "${b_cpu_w[@]}") / $(median "${b_cpu_s[@]}") / $(median "${b_cpu_p[@]}") | | |
| (b) CPU per distribution, whole machine (µs; $(nproc) cores = $((1000000 * $(nproc) * 10 / bound / 9)) µs at 90 % of the bound) | $(spread "${b_cpu_m[@]}") | | |
| (c) $RATE_C/s for $SECONDS_C s: due → published p50 (s) | $(spread "${c_p50[@]}") | | |
| (c) p95 (s) | $(spread "${c_p95[@]}") | | |
| (c) p99 (s) | $(spread "${c_p99[@]}") | ≤ poll ($PUBLISHER_POLL_INTERVAL) + platform p99 + 0.5 s | |
| (d) WildFly RSS: after start / after $early of (a) run 1 / after (a) / at the end (MB) | $rss_start / $rss_early / $rss_after_a / $rss_end | after (a) within 20 % of after $early | $(echo "scale=0; 100 * ($rss_after_a - $rss_early) / $rss_early" | bc) % |
| (d) heap used: after start / after (a) / at the end (MB) | $heap_start / $heap_after_a / $heap_end | | |
| distributions sent again after an ambiguous answer, all scenarios (each still created once) | $resent | | |
| distributions left UNKNOWN_OUTCOME and settled through the admin API, warm-up included | $operator_settled | | |
REPORT
)
echo "$report"
if ! $smoke; then
    {
        echo "# Benchmarks"
        echo
        echo "Generated by \`src/benchmark/run-benchmark.sh\` on $(date -u +%F) — $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB,"
        echo "$(java -version 2>&1 | head -n 1), PostgreSQL $(sql -c 'SHOW server_version') (autovacuum $(sql -c 'SHOW autovacuum')), WildFly, PostgreSQL and the WireMock sandbox on one machine."
        echo "Worker: $PUBLISHER_WORKER_PARTITIONS partitions × chunk $PUBLISHER_WORKER_CHUNK_SIZE, poll $PUBLISHER_POLL_INTERVAL; $RUNS runs each; $TEAMS teams × 3 accounts."
        echo "Load average when the run started: $load_at_start (anything above ~0.5 means other work shared the cores)."
        echo
        echo "$report"
        echo
        cat src/benchmark/notes.md 2>/dev/null || true
    } >src/docs/benchmarks.md
    log "wrote src/docs/benchmarks.md"
fi
log "done: no lost, duplicate or early publication in any scenario"
