#!/usr/bin/env bash
# Three nodes behind the README's nginx configuration (deploy/nginx/bulletin.conf, with only the listen address, a
# self-signed certificate and the upstream addresses filled in), on one PostgreSQL and one Redis: wrk's requests/s
# through nginx for the home page and a story page, beside one node asked directly. Not a test: it prints figures.
# On one machine the three nodes, nginx and wrk share its cores, so the fleet's figure is what three processes
# get from the same CPUs, not three machines' worth; read it for the cost of the proxy and the spread, not for scale.
#
#   bench/fleet-behind-nginx.sh [seconds per run, 15]
#   POSTGRES="Host=...;Port=...;Username=...;Password=..."  a role that may create databases (default: BULLETIN_TEST_POSTGRES)
#   REDIS=host:port                                        (default: BULLETIN_TEST_REDIS)
#   BULLETIN=path/to/bulletin  use a build already made     WARM=20 CONNECTIONS=32 THREADS=2
set -euo pipefail

duration=${1:-15}
warm=${WARM:-20}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}
postgres=${POSTGRES:-${BULLETIN_TEST_POSTGRES:-}}
redis=${REDIS:-${BULLETIN_TEST_REDIS:-}}
[ -n "$postgres" ] || { echo "set POSTGRES (or BULLETIN_TEST_POSTGRES) to a PostgreSQL role that may create databases"; exit 2; }
[ -n "$redis" ] || { echo "set REDIS (or BULLETIN_TEST_REDIS) to a Redis host:port"; exit 2; }
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 2; }
command -v nginx >/dev/null || { echo "nginx is not installed (apt-get install nginx-light)"; exit 2; }
command -v psql >/dev/null || { echo "psql is not installed (apt-get install postgresql-client)"; exit 2; }

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
chmod 755 "$work"
pids=()
nginx_pid=""
database="bulletin_fleet_bench_$$"
created=""

# One statement on the server's postgres database, with the parts of the Npgsql connection string psql needs.
sql() {
    python3 - "$postgres" "$1" <<'PY'
import os, subprocess, sys
parts = {k.strip().lower(): v for k, v in (p.split("=", 1) for p in sys.argv[1].split(";") if "=" in p)}
env = dict(os.environ, PGPASSWORD=parts.get("password", ""))
subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", parts.get("host", "127.0.0.1"), "-p", parts.get("port", "5432"),
                "-U", parts.get("username", "postgres"), "-d", "postgres", "-c", sys.argv[2]], env=env, check=True, stdout=subprocess.DEVNULL)
PY
}

cleanup() {
    [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
    [ -n "$created" ] && { sql "DROP DATABASE IF EXISTS $database WITH (FORCE)" || echo "could not drop database $database"; }
    rm -rf "$work"
}
trap cleanup EXIT

if [ -n "${BULLETIN:-}" ]; then
    bin=$BULLETIN
else
    echo "building the release build..."
    dotnet build -c Release "$repo/src/Bulletin" -o "$work/bin" -v q -nologo >/dev/null
    bin=$work/bin/bulletin
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
connection=$(echo "$postgres" | sed -E "s/(^|;)Database=[^;]*/\1/; s/;*$//");
export Database__Provider=Postgres Database__ConnectionString="$connection;Database=$database"
export Redis__Configuration="$redis" Redis__KeyPrefix="bench-$$:" Tips__Key=$(head -c 32 /dev/urandom | base64)
export Hosting__KnownProxies__0=127.0.0.1 Logging__LogLevel__Default=Warning

sql "CREATE DATABASE $database" && created=1
# The first node migrates the new database and adds the demo newsroom to it (a database migrated beforehand by
# `bulletin db migrate` is not new, and gets none); the other two start on what it made.
ports=()
start_node() {
    local port
    port=$(free_port)
    ports+=("$port")
    Database__MigrateOnStart=$2 "$bin" serve --data-dir "$work/node-$1" --urls "http://127.0.0.1:$port" >"$work/node-$1.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 240); do curl -fs -o /dev/null "http://127.0.0.1:$port/readyz" && return 0; sleep 0.5; done
    echo "node $1 on $port did not become ready"; tail -n 20 "$work/node-$1.log"; exit 1
}
start_node 1 true
start_node 2 false
start_node 3 false

nginx_port=$(free_port)
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=news.example \
    -keyout "$work/proxy.key" -out "$work/proxy.crt" >/dev/null 2>&1
sed -e "s|listen 443 ssl http2;|listen 127.0.0.1:$nginx_port ssl http2;|" \
    -e "s|/etc/ssl/news.example.crt|$work/proxy.crt|; s|/etc/ssl/news.example.key|$work/proxy.key|" \
    -e "s|server 127.0.0.1:5001 |server 127.0.0.1:${ports[0]} |; s|server 127.0.0.1:5002 |server 127.0.0.1:${ports[1]} |" \
    -e "s|server 127.0.0.1:5003 |server 127.0.0.1:${ports[2]} |" \
    "$repo/deploy/nginx/bulletin.conf" >"$work/bulletin.conf"
grep -q "127.0.0.1:$nginx_port ssl" "$work/bulletin.conf" && grep -q "${ports[2]} " "$work/bulletin.conf" \
    || { echo "deploy/nginx/bulletin.conf no longer has the lines this script fills in"; exit 1; }
mkdir -p "$work/nginx-temp" && chmod 777 "$work/nginx-temp"
cat >"$work/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $work/nginx-temp/body;
    proxy_temp_path $work/nginx-temp/proxy;
    fastcgi_temp_path $work/nginx-temp/fastcgi;
    uwsgi_temp_path $work/nginx-temp/uwsgi;
    scgi_temp_path $work/nginx-temp/scgi;
    include $work/bulletin.conf;
}
EOF
nginx -e "$work/nginx-error.log" -p "$work" -c "$work/nginx.conf" </dev/null &
nginx_pid=$!
proxy=https://127.0.0.1:$nginx_port
for _ in $(seq 1 40); do curl -fsk -o /dev/null "$proxy/" && break; sleep 0.25; done
story=$(curl -fsk "$proxy/" | grep -o 'href="/news/[^"]*"' | head -1 | cut -d'"' -f2 || true)
[ -n "$story" ] || { echo "no story link on the home page through nginx"; cat "$work/nginx-error.log"; exit 1; }

# requests/s of one wrk run. Any non-2xx answer or read/write/connect error fails the run, since it would make
# the figure a lie; wrk's "timeout" count (answers slower than its 2 s limit) is printed beside the figure.
measure() {
    local out
    out=$(wrk -t"$threads" -c"$connections" -d"${2}s" "$1")
    echo "$out" | awk '
        /^Requests\/sec/ { rps = $2 }
        /Non-2xx/ { bad = $NF }
        /Socket errors/ { split($0, e, /[ ,]+/); for (i = 1; i < length(e); i++) { if (e[i] ~ /^(connect|read|write)$/) errors += e[i + 1]; if (e[i] == "timeout") slow = e[i + 1] } }
        END { if (bad > 0 || errors > 0) exit 1; printf "%s%s\n", rps, (slow > 0 ? " (" slow " slow)" : "") }' \
        || { echo "failed answers from $1:" >&2; echo "$out" >&2; return 1; }
}

echo "nodes on ${ports[*]}, nginx on $nginx_port; story $story"
echo "warming each node for ${warm}s (tiered JIT)..."
for port in "${ports[@]}"; do measure "http://127.0.0.1:$port$story" "$warm" >/dev/null || true; done
printf '%-28s %20s %20s\n' "${duration}s, $connections connections" 'home page /s' 'story page /s'
printf '%-28s %20s %20s\n' 'three nodes behind nginx' "$(measure "$proxy/" "$duration")" "$(measure "$proxy$story" "$duration")"
printf '%-28s %20s %20s\n' 'one node, asked directly' "$(measure "http://127.0.0.1:${ports[0]}/" "$duration")" \
    "$(measure "http://127.0.0.1:${ports[0]}$story" "$duration")"
