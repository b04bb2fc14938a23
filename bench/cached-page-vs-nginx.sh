#!/usr/bin/env bash
# A cached story page from Bulletin against nginx serving the same bytes from a file, in one run (issue 8's aim:
# at least 0.8 of nginx). The release build and nginx (one worker, sendfile) share core 1; wrk runs on core 0.
# Absolute figures move with the machine; the ratio of the two in the same round is the figure to read. On a
# shared machine the requests/s ratio is skewed by whatever else runs on core 1 (the scheduler shares a core per
# thread, and .NET runs more threads than nginx's one), so the CPU time each spends per request is printed too:
# "cpu ratio" is nginx's CPU per request over Bulletin's, the same kind of figure as the requests/s ratio.
#
#   bench/cached-page-vs-nginx.sh [seconds per round, 15] [rounds, 3]
#   BULLETIN=path/to/bulletin  use a build already made (the folder's bulletin executable)
#   WARM=30 CONNECTIONS=32     seconds of warm-up for the .NET server, wrk connections
#   SERVER_ARGS="--Key=value"  extra settings for the server
set -euo pipefail

duration=${1:-15}
rounds=${2:-3}
warm=${WARM:-30}
connections=${CONNECTIONS:-32}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
chmod 755 "$work"
server_pid=""
nginx_pid=""

cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
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
port=$(free_port)
nginx_port=$(free_port)
site=http://127.0.0.1:$port

# A new data directory gets the demo newsroom; its first story page is the one measured.
taskset -c 1 "$bin" serve --data-dir "$work/data" --urls "$site" --Logging:LogLevel:Default=Warning ${SERVER_ARGS:-} >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
    curl -fs -o /dev/null "$site/" && break
    sleep 0.5
done
story=$(curl -fs "$site/" | grep -o 'href="/news/[^"]*"' | head -1 | cut -d'"' -f2)
[ -n "$story" ] || { echo "no story link on the home page"; cat "$work/server.log"; exit 1; }
mkdir -p "$work/www" "$work/nginx-temp"
curl -fs -o "$work/www/story.html" "$site$story"
chmod -R a+rX "$work/www"
echo "story page: $story ($(stat -c %s "$work/www/story.html") bytes)"

cat >"$work/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000000;
    client_body_temp_path $work/nginx-temp/body;
    proxy_temp_path $work/nginx-temp/proxy;
    fastcgi_temp_path $work/nginx-temp/fastcgi;
    uwsgi_temp_path $work/nginx-temp/uwsgi;
    scgi_temp_path $work/nginx-temp/scgi;
    default_type "text/html; charset=utf-8";
    server {
        listen 127.0.0.1:$nginx_port;
        root $work/www;
        location / { try_files /story.html =404; }
    }
}
EOF
taskset -c 1 nginx -e "$work/nginx-error.log" -p "$work" -c "$work/nginx.conf" &
nginx_pid=$!
for _ in $(seq 1 40); do
    curl -fs -o /dev/null "http://127.0.0.1:$nginx_port$story" && break
    sleep 0.25
done
cmp -s "$work/www/story.html" <(curl -fs "$site$story") || { echo "the cached page changed between requests"; exit 1; }

# CPU time (user + system, in clock ticks) of a process and its threads so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
ticks_per_second=$(getconf CLK_TCK)

# Prints requests/s and the server's CPU microseconds per request for one wrk run against a URL served by a pid.
# On a busy machine requests/s depends on what else shares the core; CPU per request much less so.
measure() {
    local before after out
    before=$(cpu_ticks "$2")
    out=$(taskset -c 0 wrk -t1 -c"$connections" -d"${3}s" "$1")
    after=$(cpu_ticks "$2")
    echo "$out" | awk -v t=$((after - before)) -v hz="$ticks_per_second" '
        / requests in / { requests = $1 }
        /^Requests\/sec/ { rps = $2 }
        /Non-2xx/ { bad = $NF }
        END { if (bad > 0) { print "non-2xx answers: " bad > "/dev/stderr"; exit 1 }
              printf "%s %.1f\n", rps, t * 1e6 / hz / requests }'
}

nginx_worker=$(pgrep -P "$nginx_pid" | head -1)
echo "warming the .NET server for ${warm}s..."
measure "$site$story" "$server_pid" "$warm" >/dev/null
measure "http://127.0.0.1:$nginx_port$story" "$nginx_worker" 5 >/dev/null

printf '%-6s %12s %12s %8s %14s %14s %8s\n' round bulletin/s nginx/s ratio 'bulletin µs/r' 'nginx µs/r' 'cpu ratio'
for round in $(seq 1 "$rounds"); do
    read -r ours ours_cpu < <(measure "$site$story" "$server_pid" "$duration")
    read -r theirs theirs_cpu < <(measure "http://127.0.0.1:$nginx_port$story" "$nginx_worker" "$duration")
    printf '%-6s %12s %12s %8s %14s %14s %8s\n' "$round" "$ours" "$theirs" \
        "$(awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%.2f", a / b }')" "$ours_cpu" "$theirs_cpu" \
        "$(awk -v a="$ours_cpu" -v b="$theirs_cpu" 'BEGIN { printf "%.2f", b / a }')"
done
