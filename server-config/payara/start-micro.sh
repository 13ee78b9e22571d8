#!/usr/bin/env bash
# Runs the Ore Publisher WAR on Payara Micro in the foreground, configured by the asadmin scripts
# beside this file that apply to Micro (as post-boot commands, before the WAR deploys):
# postgresql, hibernate, publisher-config and security. The domain-level ones (server,
# libraries) have Micro equivalents here: the libraries go on --addlibs, and there is no cluster.
# Everything else comes from the environment, as on WildFly and Payara Server (README.md).
#
# Usage: start-micro.sh <payara-micro.jar> <ore-publisher.war> <http-port> <libraries-dir> <work-dir>
# <libraries-dir> holds the PostgreSQL driver and Hibernate ORM (the jars libraries.asadmin adds
# to a Payara Server domain). PUBLISHER_MICRO_JAVA_OPTS sets the JVM options (default -Xmx512m).
set -euo pipefail

micro_jar=$1
war=$2
port=$3
libraries=$4
work=$5
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

mkdir -p "$work"
cat "$here/postgresql.asadmin" "$here/hibernate.asadmin" "$here/publisher-config.asadmin" \
    "$here/security.asadmin" >"$work/post-boot.asadmin"

# shellcheck disable=SC2086 # the options are a list
exec java ${PUBLISHER_MICRO_JAVA_OPTS:--Xmx512m} -jar "$micro_jar" \
    --nocluster --port "$port" --sslport "$((port + 1))" \
    --addlibs "$libraries" \
    --postbootcommandfile "$work/post-boot.asadmin" \
    --rootdir "$work/root" \
    --deploy "$war" --contextroot /
