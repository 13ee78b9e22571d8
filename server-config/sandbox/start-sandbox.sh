#!/usr/bin/env bash
# Starts the Ore Publisher sandbox: a WireMock standalone server that answers like Meta (Facebook
# Pages Graph API), LinkedIn (Posts API) and X (API v2), so posts can be "published" without real
# accounts. The stubs are in mappings/ beside this script and follow each platform's public contract
# (status codes, bodies, headers); integration tests load the same directory into an embedded WireMock.
# The sandbox remembers what it created: the extension dev.ore.publisher.sandbox.SandboxPosts (built
# by the it module into it/target/sandbox/, with its JSON libraries) records every post it creates and
# answers the listing calls (X GET /2/users/{id}/tweets, Meta GET /v<N>.0/{page}/published_posts,
# LinkedIn GET /rest/posts?q=author) from those records, so reconciliation finds what was created.
# It also writes what a success answer carries per post (the id, X's text and rate-limit reset
# times, Meta's version and usage headers): the success stubs hold only the constant parts, which
# costs the sandbox about a quarter less CPU a create than rendering response templates.
#
# Usage: start-sandbox.sh <wiremock-standalone-jar> [port, default 8089]
#   SANDBOX_PID_FILE       where the server's pid is written   (default /tmp/ore-sandbox.pid)
#   SANDBOX_LOG            where the server's output goes        (default /tmp/ore-sandbox.log)
#   SANDBOX_EXTENSION_DIR  the extension's jars                  (default <repository>/it/target/sandbox;
#                          made by any build of the project, e.g. mvn -B package -DskipTests)
#   SANDBOX_FAULTS         fault mix for creates answered by the success stubs, e.g.
#                          latency=0.3,latency-ms=50-800,rate-limit=0.02,server-error=0.03,reset=0.02,created-500=0.03
#                          (see it/src/main/java/dev/ore/publisher/sandbox/FaultMix.java; default: none)
#   SANDBOX_EXTRA_ARGS     more WireMock options
# The server binds 127.0.0.1 only and runs in the background; stop it with
#   kill "$(cat /tmp/ore-sandbox.pid)"
# Exits non-zero with a message if the jar is missing, the port is taken, or WireMock does not
# answer GET /__admin/health within 30 seconds.
#
# Point the application's base URLs at http://127.0.0.1:<port>. Endpoints:
#   Meta      POST /v<N>.0/{page-id}/feed   -> 200 {"id":"<page-id>_<16 digits>"},
#                                              X-App-Usage and X-Business-Use-Case-Usage headers
#   LinkedIn  POST /rest/posts              -> 201, empty body, x-restli-id: urn:li:share:<19 digits>
#             needs LinkedIn-Version: YYYYMM in 202501..202612 (absent -> 400 VERSION_MISSING,
#             other -> 426 NONEXISTENT_VERSION) and X-Restli-Protocol-Version: 2.0.0 (else 400)
#   X         POST /2/tweets                -> 201 {"data":{"id":"<19 digits>","text":"<your text>"}},
#                                              x-rate-limit-* (reset = unix epoch seconds, +15 min)
#                                              and x-user/x-app-limit-24hour-* headers
# Every call needs "Authorization: Bearer <any token>"; without it each platform answers as it
# does for a missing token (Meta: HTTP 400 OAuthException code 104, LinkedIn: 401
# EMPTY_ACCESS_TOKEN 65604 / INVALID_ACCESS_TOKEN 65600, X: 401 Unauthorized problem).
#
# Demo markers: put one of these in the post text (Meta "message", LinkedIn "commentary",
# X "text") to make the sandbox answer with that platform's error. Use one marker per post.
#   sandbox:rate-limit    Meta 400 code 80001, X-Business-Use-Case-Usage estimated_time_to_regain_access 5
#                         LinkedIn 429 serviceErrorCode 101 (no rate-limit headers)
#                         X 429 rate-limit-exceeded problem, x-rate-limit-remaining 0, reset +15 min
#   sandbox:server-error  Meta 500 code 2 is_transient true; LinkedIn 503; X 503 problem
#   sandbox:duplicate     Meta 400 code 506 "(#506) Duplicate status message"
#                         LinkedIn 422 DUPLICATE_POST "Content is a duplicate of urn:li:share:7141138937766391808"
#                         X 403 "You are not allowed to create a Tweet with duplicate content."
#   sandbox:expired-token Meta 400 OAuthException code 190 subcode 463
#                         LinkedIn 401 serviceErrorCode 65601 REVOKED_ACCESS_TOKEN; X 401 Unauthorized problem
#   sandbox:permission    Meta 400 code 200 "(#200) ... pages_manage_posts ..."
#                         LinkedIn 403 ACCESS_DENIED serviceErrorCode 100; X 403 client-forbidden problem
#   sandbox:slow          the normal success answer, after a fixed delay of 30 000 ms (to show timeouts)
# Stub priorities: success 1 (a create whose text carries no marker; WireMock tries stubs in priority
# order, so a create meets its platform's success stub first instead of every error case), markers 2-4,
# LinkedIn header checks 5, the other endpoints 5, missing-token answers 9. A stub of a test's own at
# priority 1 wins over the success stub (of equal priority, the newest stub wins).
# Admin endpoints of the extension: GET /__admin/sandbox/posts lists every created post
# ({"posts":[{"account","id","text","createdAt"}]}), DELETE forgets them; GET/POST /__admin/sandbox/faults
# reads or replaces the fault mix (POST body: the SANDBOX_FAULTS form).
# Every stub has a fixed id and metadata {"sandbox":{"platform":..,"case":..}} so tests can
# remove or override single cases. Requests that match nothing (e.g. a Bearer token but no JSON
# Content-Type) get WireMock's 404 "Request was not matched" with the closest stub's diff.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 <wiremock-standalone-jar> [port, default 8089]" >&2
    exit 2
fi

jar=$1
port=${2:-8089}
pid_file=${SANDBOX_PID_FILE:-/tmp/ore-sandbox.pid}
log=${SANDBOX_LOG:-/tmp/ore-sandbox.log}
root_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
extension_dir=${SANDBOX_EXTENSION_DIR:-$root_dir/../../it/target/sandbox}

if [ ! -f "$jar" ]; then
    echo "start-sandbox: WireMock jar not found: $jar" >&2
    echo "Get it with: mvn -B -q dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.2 -DoutputDirectory=target/sandbox" >&2
    exit 1
fi
if [ ! -f "$extension_dir/ore-publisher-sandbox.jar" ]; then
    echo "start-sandbox: the sandbox extension is not built: $extension_dir/ore-publisher-sandbox.jar is missing." >&2
    echo "Build it with: mvn -B package -DskipTests (or set SANDBOX_EXTENSION_DIR)" >&2
    exit 1
fi
case $port in
    ''|*[!0-9]*) echo "start-sandbox: port must be a number, got '$port'" >&2; exit 2 ;;
esac
if ! command -v java >/dev/null 2>&1; then
    echo "start-sandbox: java is not on the PATH (WireMock needs Java 11 or newer)." >&2
    exit 1
fi
if ! command -v curl >/dev/null 2>&1; then
    echo "start-sandbox: curl is needed to check that the sandbox answers." >&2
    exit 1
fi
if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    echo "start-sandbox: a sandbox already runs with pid $(cat "$pid_file") (from $pid_file); stop it first." >&2
    exit 1
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "start-sandbox: something already listens on 127.0.0.1:$port; choose another port." >&2
    exit 1
fi

nohup java ${SANDBOX_FAULTS:+"-Dsandbox.faults=$SANDBOX_FAULTS"} -cp "$jar:$extension_dir/*" wiremock.Run \
    --extensions dev.ore.publisher.sandbox.SandboxPosts \
    --root-dir "$root_dir" \
    --port "$port" \
    --bind-address 127.0.0.1 \
    --disable-banner \
    --max-request-journal-entries 1000 \
    ${SANDBOX_EXTRA_ARGS:-} \
    >"$log" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$pid_file"

base="http://127.0.0.1:$port"
deadline=$((SECONDS + 30))
while [ "$SECONDS" -lt "$deadline" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "start-sandbox: WireMock exited during start-up; see $log:" >&2
        tail -n 20 "$log" >&2 || true
        rm -f "$pid_file"
        exit 1
    fi
    if curl -fsS -o /dev/null --max-time 2 "$base/__admin/health" 2>/dev/null \
        || curl -fsS -o /dev/null --max-time 2 "$base/__admin/mappings" 2>/dev/null; then
        echo "Sandbox (WireMock) is up at $base (pid $pid, log $log, stubs from $root_dir/mappings)"
        exit 0
    fi
    sleep 0.5
done

echo "start-sandbox: WireMock (pid $pid) did not answer $base/__admin/health within 30 s; stopping it. See $log." >&2
kill "$pid" 2>/dev/null || true
rm -f "$pid_file"
exit 1
