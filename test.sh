#!/usr/bin/env bash
# Runs every Bulletin test against real services, and ends with one line:
#   tests: N passed, N failed, N skipped
# As root on Debian it installs what the tests need (PostgreSQL, Chromium, fonts, the feed parser) and starts a
# throwaway PostgreSQL cluster on 127.0.0.1 for the run; otherwise it uses what is there and says what it skips.
# Extra arguments go to `dotnet test` (for example: --filter FullyQualifiedName~Ingest).
set -uo pipefail
cd "$(dirname "$0")"
repo=$(pwd)
work=$(mktemp -d -t bulletin-tests-XXXXXX)
chmod 755 "$work"
pg_started=""

say() { printf '[test.sh] %s\n' "$*"; }

cleanup() {
  if [ -n "$pg_started" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# --- what the tests need from Debian ------------------------------------------------------------
need=()
command -v /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -d /usr/share/fonts/truetype/nanum ] || need+=(fonts-nanum)
python3 -c 'import feedparser' >/dev/null 2>&1 || [ -f /usr/lib/python3/dist-packages/feedparser/__init__.py ] || need+=(python3-feedparser)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq "${need[@]}" >/dev/null \
      || say "could not install ${need[*]}; the tests that need them will say they are skipped"
  else
    say "not root: not installing ${need[*]}; the tests that need them will say they are skipped"
  fi
fi

# --- a throwaway PostgreSQL cluster on 127.0.0.1 ------------------------------------------------
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -n "${BULLETIN_TEST_POSTGRES:-}" ]; then
  say "PostgreSQL: using the server in BULLETIN_TEST_POSTGRES"
elif [ -n "$PGBIN" ] && [ "$(id -u)" = 0 ]; then
  mkdir -p "$work/pg"
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  printf '%s\n' "$password" > "$work/pg/pwfile"
  chown -R postgres "$work/pg"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  if runuser -u postgres -- "$PGBIN/initdb" -D "$work/pg/data" -U postgres --pwfile="$work/pg/pwfile" \
       --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 -N >"$work/pg/initdb.log" 2>&1 \
     && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 30 \
       -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$work/pg -c fsync=off -c max_connections=300" \
       start >/dev/null 2>&1; then
    pg_started=1
    export BULLETIN_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres;Include Error Detail=true"
    say "PostgreSQL: throwaway cluster on 127.0.0.1:$port"
  else
    say "PostgreSQL could not be started; its test cases will be skipped"
    cat "$work/pg/initdb.log" "$work/pg/server.log" 2>/dev/null | tail -n 20
  fi
else
  say "PostgreSQL: no server (not root, or not installed); its test cases will be skipped"
fi

# --- the tests ----------------------------------------------------------------------------------
results="$work/results"
dotnet test "$repo/Bulletin.slnx" --logger "trx" --results-directory "$results" "$@"
status=$?

# dotnet test's own summary is per project; add the TRX files up into one line.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
