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
dovecot_pid=""
smtp_pid=""
redis_pid=""
s3_pid=""

say() { printf '[test.sh] %s\n' "$*"; }

cleanup() {
  [ -n "$dovecot_pid" ] && kill "$dovecot_pid" 2>/dev/null
  [ -n "$smtp_pid" ] && kill "$smtp_pid" 2>/dev/null
  [ -n "$redis_pid" ] && kill "$redis_pid" 2>/dev/null
  [ -n "$s3_pid" ] && kill "$s3_pid" 2>/dev/null
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
[ -x /usr/sbin/dovecot ] || need+=(dovecot-imapd)
[ -x /usr/bin/aiosmtpd ] || need+=(python3-aiosmtpd)
[ -x /usr/bin/redis-server ] || need+=(redis-server)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
command -v exiftool >/dev/null 2>&1 || need+=(libimage-exiftool-perl)
[ -x /usr/sbin/nginx ] || need+=(nginx-light)
[ -x /usr/bin/openssl ] || need+=(openssl)
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

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }

# --- a throwaway Dovecot (IMAP) for the tips mailbox ---------------------------------------------
if [ -n "${BULLETIN_TEST_IMAP:-}" ]; then
  say "IMAP: using the server in BULLETIN_TEST_IMAP"
elif [ -x /usr/sbin/dovecot ] && [ "$(id -u)" = 0 ]; then
  d="$work/dovecot"
  mkdir -p "$d/run" "$d/state" "$d/mail"
  chown nobody:nogroup "$d/mail"
  imap_port=$(free_port)
  imap_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  printf 'tips:{PLAIN}%s\n' "$imap_password" > "$d/users"
  cat > "$d/dovecot.conf" <<CONF
protocols = imap
listen = 127.0.0.1
base_dir = $d/run
state_dir = $d/state
log_path = $d/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $d/users
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$d/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $imap_port
  }
  inet_listener imaps {
    port = 0
  }
}
CONF
  if /usr/sbin/dovecot -c "$d/dovecot.conf" >"$d/start.log" 2>&1 </dev/null && wait_port "$imap_port"; then
    dovecot_pid=$(cat "$d/run/master.pid")
    export BULLETIN_TEST_IMAP="127.0.0.1:$imap_port" BULLETIN_TEST_IMAP_USER=tips BULLETIN_TEST_IMAP_PASSWORD="$imap_password"
    say "IMAP: throwaway Dovecot on 127.0.0.1:$imap_port"
  else
    say "Dovecot could not be started; the e-mail tip tests will be skipped"
    cat "$d/start.log" "$d/dovecot.log" 2>/dev/null | tail -n 20
  fi
else
  say "IMAP: no Dovecot (not root, or not installed); the e-mail tip tests will be skipped"
fi

# --- a throwaway SMTP server (aiosmtpd) that keeps what it gets in a maildir ---------------------
if [ -n "${BULLETIN_TEST_SMTP:-}" ]; then
  say "SMTP: using the server in BULLETIN_TEST_SMTP"
elif [ -x /usr/bin/aiosmtpd ]; then
  mkdir -p "$work/smtp/new" "$work/smtp/cur" "$work/smtp/tmp"
  smtp_port=$(free_port)
  /usr/bin/aiosmtpd -n -u -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$work/smtp" >"$work/smtp.log" 2>&1 </dev/null &
  smtp_pid=$!
  if wait_port "$smtp_port"; then
    export BULLETIN_TEST_SMTP="127.0.0.1:$smtp_port" BULLETIN_TEST_SMTP_MAILDIR="$work/smtp"
    say "SMTP: throwaway aiosmtpd on 127.0.0.1:$smtp_port"
  else
    say "aiosmtpd could not be started; the reply-by-e-mail test will be skipped"
  fi
else
  say "SMTP: no aiosmtpd; the reply-by-e-mail test will be skipped"
fi

# --- a throwaway Redis for the tests of several nodes ----------------------------------------------
if [ -n "${BULLETIN_TEST_REDIS:-}" ]; then
  say "Redis: using the server in BULLETIN_TEST_REDIS"
elif [ -x /usr/bin/redis-server ]; then
  mkdir -p "$work/redis"
  redis_port=$(free_port)
  /usr/bin/redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --dir "$work/redis" \
    >"$work/redis/redis.log" 2>&1 </dev/null &
  redis_pid=$!
  if wait_port "$redis_port"; then
    export BULLETIN_TEST_REDIS="127.0.0.1:$redis_port"
    say "Redis: throwaway redis-server on 127.0.0.1:$redis_port"
  else
    say "redis-server could not be started; the tests of shared state will be skipped"
    tail -n 20 "$work/redis/redis.log"
  fi
else
  say "Redis: no redis-server; the tests of shared state will be skipped"
fi

# --- a real MOS device (NRK's mos-connection on Node) for the MOS gateway's tests -----------------
if command -v npm >/dev/null 2>&1; then
  if (cd "$repo/tests/mos-device" && npm ci --no-audit --no-fund --loglevel=error >"$work/npm-ci.log" 2>&1); then
    say "MOS device: installed from tests/mos-device/package-lock.json"
  else
    say "MOS device: npm ci failed; the MOS device tests will be skipped (and fail under CI)"
    tail -n 20 "$work/npm-ci.log"
  fi
else
  say "MOS device: no Node/npm; the MOS device tests will be skipped (and fail under CI)"
fi

# --- a throwaway S3-compatible server (npm s3rver) for the media store on object storage ----------------
if [ -n "${BULLETIN_TEST_S3:-}" ]; then
  say "S3: using the server in BULLETIN_TEST_S3"
elif command -v npm >/dev/null 2>&1 \
     && (cd "$repo/tests/s3-server" && npm ci --no-audit --no-fund --loglevel=error >"$work/npm-ci-s3.log" 2>&1); then
  mkdir -p "$work/s3"
  s3_port=$(free_port)
  (cd "$repo/tests/s3-server" && exec node node_modules/s3rver/bin/s3rver.js --address 127.0.0.1 --port "$s3_port" \
    --directory "$work/s3" --silent >"$work/s3.log" 2>&1 </dev/null) &
  s3_pid=$!
  if wait_port "$s3_port"; then
    # s3rver's fixed keys; the tests make their own buckets.
    export BULLETIN_TEST_S3="http://127.0.0.1:$s3_port" BULLETIN_TEST_S3_ACCESS_KEY=S3RVER BULLETIN_TEST_S3_SECRET_KEY=S3RVER
    say "S3: throwaway s3rver on 127.0.0.1:$s3_port"
  else
    say "s3rver could not be started; the S3 media store tests will be skipped (and fail under CI)"
    tail -n 20 "$work/s3.log"
  fi
else
  say "S3: no Node/npm, or npm ci failed in tests/s3-server; the S3 media store tests will be skipped (and fail under CI)"
  tail -n 20 "$work/npm-ci-s3.log" 2>/dev/null
fi

# --- the tests ----------------------------------------------------------------------------------
results="$work/results"
# A test host that hangs is stopped after 15 minutes and reported, instead of holding CI until its limit.
dotnet test "$repo/Bulletin.slnx" --logger "trx" --results-directory "$results" \
  --blame-hang-timeout 15m --blame-hang-dump-type none "$@"
status=$?
# Every test project writes one TRX file; one that wrote none did not finish (a crash, a hang, a kill).
projects=$([ $# -eq 0 ] && ls "$repo"/tests/*/*.csproj | wc -l || echo 0)

# dotnet test's own summary is per project; add the TRX files up into one line.
python3 - "$results" "${CI:-}" "$projects" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
reports = glob.glob(sys.argv[1] + "/*.trx")
unfinished = int(sys.argv[3]) - len(reports)
if unfinished > 0:
    print(f"[test.sh] {unfinished} test project(s) wrote no results: their test host crashed, hung or was stopped")
    failed += unfinished
for path in reports:
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
# Under CI every service is started, so a skipped test means something did not run: the run fails.
refuse = bool(skipped) and sys.argv[2] == "true"
if refuse:
    print(f"[test.sh] CI=true and {skipped} test(s) were skipped: every service is started under CI, so the run fails")
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
sys.exit(3 if refuse or unfinished > 0 else 0)
PY
[ $? = 3 ] && [ "$status" = 0 ] && status=1
exit $status
