#!/usr/bin/env bash
# Starts the product as a new user would (embedded PGlite, fresh DATA_DIR), waits for /readyz,
# fetches the portal page, and stops it with SIGTERM; then starts it again on the same data (a
# restart) and stops it. Prints both start-up times (budgets: 8 s fresh, 3 s restart on an idle
# machine; bench/startup.ts measures them properly) and the product's own per-step timing.
set -euo pipefail
data=$(mktemp -d)
port=${SMOKE_PORT:-3900}
log="$data/start.log"
# Its own process group, so a stop reaches npm, the shell and node alike, as Ctrl+C does in a terminal.
env -u DATABASE_URL DATA_DIR="$data" PORT="$port" BROKER_DEMO_PORT=$((port + 1)) PUBLIC_URL="http://localhost:$port" \
  setsid npm start >"$log" 2>&1 &
pid=$!
stop() { kill -TERM -- "-$pid" 2>/dev/null || true; }
cleanup() { stop; wait "$pid" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

started_at=$(date +%s%N)
# Waits for /readyz and prints how long `npm start` took to answer it (and the product's step times).
wait_ready() {
  local what=$1
  for _ in $(seq 1 1200); do
    if curl -fsS "http://localhost:$port/readyz" >/dev/null 2>&1; then
      echo "start-up ($what): /readyz after $(( ($(date +%s%N) - started_at) / 1000000 )) ms; $(grep -o '"phasesMs":{[^}]*},"sinceProcessStartMs":[0-9]*' "$log" | tail -n1)"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "npm start exited early:"; cat "$log"; exit 1; fi
    sleep 0.1
  done
  echo "no /readyz after 120 s"; cat "$log"; exit 1
}
wait_ready "fresh data folder"
curl -fsS "http://localhost:$port/readyz"
echo
# Bodies go to variables first: `curl | grep -q` fails under pipefail when grep stops reading early.
page=$(curl -fsS "http://localhost:$port/")
[[ $page == *'<gp-portal'* ]] || { echo "the portal page does not hold <gp-portal>"; cat "$log"; exit 1; }
discovery=$(curl -fsS "http://localhost:$port/oidc/.well-known/openid-configuration")
[[ $discovery == *"\"issuer\":\"http://localhost:$port/oidc\""* ]] || { echo "OIDC discovery is wrong: $discovery"; exit 1; }
broker=$(curl -fsS "http://127.0.0.1:$((port + 1))/")
[[ $broker == *"localhost:$port/sdk/gp-widgets.js"* ]] || { echo "broker demo site missing"; exit 1; }
login=$(curl -fsS "http://localhost:$port/account/register")
[[ $login == *'Regisztráció'* ]] || { echo "registration page missing"; exit 1; }
stop
wait "$pid" || true
for _ in $(seq 1 15); do curl -fs "http://localhost:$port/healthz" >/dev/null 2>&1 || break; sleep 1; done
if curl -fs "http://localhost:$port/healthz" >/dev/null 2>&1; then echo "still serving after SIGTERM"; cat "$log"; exit 1; fi
grep -q '"event":"shutting_down"' "$log" || { echo "no graceful shutdown logged"; cat "$log"; exit 1; }
grep -q '"event":"shutdown_timeout"' "$log" && { echo "shutdown timed out"; cat "$log"; exit 1; }
echo "stopped cleanly on SIGTERM"

# A restart on the data just made: no build, no seed.
started_at=$(date +%s%N)
env -u DATABASE_URL DATA_DIR="$data" PORT="$port" BROKER_DEMO_PORT=$((port + 1)) PUBLIC_URL="http://localhost:$port" \
  setsid npm start >"$log" 2>&1 &
pid=$!
wait_ready "restart on existing data"
grep -q 'demo data seeded just now' "$log" && { echo "the restart seeded again"; cat "$log"; exit 1; }
stop
wait "$pid" || true
trap - EXIT
rm -rf "$data"
