#!/usr/bin/env bash
# Creates a Payara Server domain and configures it with the asadmin scripts beside this file,
# in the order below; the DAS runs only while they do. Nothing here holds a secret: the database
# settings stay environment variables that the pool reads when it connects.
#
# Usage: configure-domain.sh <payara-home> <domain-name> <portbase>
# The ports are portbase + the usual offsets: HTTP +80, HTTPS +81, admin +48, IIOP +37..39,
# JMS +76, JMX +86, Hazelcast +49/+59, so one number keeps the domain clear of other servers.
set -euo pipefail

home=$1
domain=$2
portbase=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
asadmin="$home/bin/asadmin"
admin_port=$((portbase + 48))

"$asadmin" --user admin create-domain --nopassword=true --savelogin=false --portbase "$portbase" "$domain"
"$asadmin" start-domain "$domain"
trap '"$asadmin" stop-domain "$domain"' EXIT

for script in server libraries hibernate postgresql publisher-config security; do
    echo "configure-domain: $script.asadmin"
    "$asadmin" --port "$admin_port" multimode --file "$here/$script.asadmin"
done
