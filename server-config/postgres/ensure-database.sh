#!/usr/bin/env bash
# Makes sure Ore Publisher's PostgreSQL role and database exist, creating them when it can.
#
# Settings (environment, with defaults):
#   PUBLISHER_DB_HOST=127.0.0.1  PUBLISHER_DB_PORT=5432  PUBLISHER_DB_NAME=ore_publisher
#   PUBLISHER_DB_USER=ore_publisher  PUBLISHER_DB_PASSWORD=ore_publisher
#   PUBLISHER_DB_ADMIN_USER=postgres  (a role allowed to create roles and databases; PGPASSWORD if it needs one)
#   PUBLISHER_DB_RECREATE=false       true drops the database first (the tests start from an empty one)
# Exits non-zero with a plain explanation when no PostgreSQL answers or the database cannot be reached.
set -euo pipefail

host=${PUBLISHER_DB_HOST:-127.0.0.1}
port=${PUBLISHER_DB_PORT:-5432}
name=${PUBLISHER_DB_NAME:-ore_publisher}
user=${PUBLISHER_DB_USER:-ore_publisher}
password=${PUBLISHER_DB_PASSWORD:-ore_publisher}
admin=${PUBLISHER_DB_ADMIN_USER:-postgres}

if ! command -v psql >/dev/null 2>&1; then
    echo "ensure-database: psql (the PostgreSQL client) is not installed; install it (Debian: apt-get install postgresql-client)." >&2
    exit 1
fi

if ! (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then
    cluster_hint="pg_ctlcluster --skip-systemctl-redirect <version> main start"
    if [ -d /etc/postgresql ]; then
        cluster_hint="pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql | head -n 1) main start"
    fi
    cat >&2 <<MSG
No PostgreSQL answers on $host:$port.
Start one, for example as root on Debian:
    $cluster_hint
or point PUBLISHER_DB_HOST / PUBLISHER_DB_PORT at a running server.
MSG
    exit 1
fi

as_admin() {
    psql -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U "$admin" -d postgres "$@"
}

if as_admin -c 'select 1' >/dev/null 2>&1; then
    as_admin -v role="$user" -v pw="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'pw')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SQL
    if [ "${PUBLISHER_DB_RECREATE:-false}" = "true" ]; then
        as_admin -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)"
    fi
    as_admin -v db="$name" -v role="$user" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
else
    echo "ensure-database: cannot connect as '$admin' to create role and database; assuming they exist." >&2
fi

if ! PGPASSWORD="$password" psql -X -q -h "$host" -p "$port" -U "$user" -d "$name" -c 'select 1' >/dev/null; then
    echo "ensure-database: database '$name' on $host:$port does not accept role '$user'. Create them, or set PUBLISHER_DB_ADMIN_USER to a role that may." >&2
    exit 1
fi
echo "ensure-database: $name on $host:$port is ready for $user"
