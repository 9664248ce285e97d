#!/usr/bin/env bash
# Web app throughput on loopback: the 台账 list page (/ledger) and the 工作台 (/) of the demo county,
# logged in as admin (the whole county: the heaviest subtree), SQLite, wrk at 32 connections for 20 s.
# Bar: >= 300 requests/s and p99 <= 100 ms for each page. Runs with 1 and 2 uvicorn workers.
#
# Run: bench/web.sh [db]     (default bench/out/web-demo.db, built with `taizhang demo` when absent)
# Env: DURATION (20s), CONNECTIONS (32), THREADS (2), WORKERS_LIST ("1 2"), PORT (free port chosen),
#      BENCH_USER (admin; e.g. hongfeng for a village's pages)
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=.venv/bin
DB=${1:-bench/out/web-demo.db}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
WORKERS_LIST=${WORKERS_LIST:-"1 2"}
MIN_RPS=300
MAX_P99_MS=100
# The bar's two pages as users open them (the app caches whole pages until the ledger changes), then
# the same pages with a random page number / unit per request (mostly cache misses: informational).
# A "*:N" in a path is replaced by a random number 1..N for each request.
PAGES=("/ledger" "/" "/ledger?page=*:200" "/?year=2025&unit=*:182")
BENCH_USER=${BENCH_USER:-admin}

command -v wrk >/dev/null || { echo "未找到 wrk（apt-get install wrk）" >&2; exit 2; }
mkdir -p "$(dirname "$DB")"
"$BIN/taizhang" --db "$DB" demo --if-absent >/dev/null

work=$(mktemp -d)
server_pid=""
stop_server() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
trap 'stop_server; rm -rf "$work"' EXIT

PORT=${PORT:-$("$BIN/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
BASE="http://127.0.0.1:$PORT"

start_server() {  # $1: workers
  "$BIN/taizhang" --db "$DB" serve --host 127.0.0.1 --port "$PORT" --workers "$1" >"$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 150); do
    curl -fs -o /dev/null "$BASE/login" && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.2
  done
  echo "服务未能启动：" >&2; cat "$work/serve.log" >&2; exit 1
}

# Log in as $BENCH_USER through the form (CSRF token and pre-login cookie included); print the Cookie header.
login_cookie() {
  local jar="$work/cookies" form="$work/login.html" args=()
  rm -f "$jar"
  curl -fs -c "$jar" -b "$jar" -o "$form" "$BASE/login"
  while IFS='=' read -r name value; do
    args+=(--data-urlencode "$name=$value")
  done < <(perl -ne 'while (/<input\b[^>]*type="hidden"[^>]*>/g) { my $t = $&;
             my ($n) = $t =~ /name="([^"]+)"/; my ($v) = $t =~ /value="([^"]*)"/;
             print "$n=$v\n" if defined $n }' "$form")
  curl -fs -c "$jar" -b "$jar" -o /dev/null "${args[@]}" \
       --data-urlencode "username=$BENCH_USER" --data-urlencode "password=demo2025" "$BASE/login"
  awk -F '\t' 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$jar"
}

# Counts non-200 answers: wrk itself counts a 3xx (e.g. a redirect to /login) as a success.
# (--timeout 10s below: with wrk's 2 s default, slow answers would be dropped from the latencies.)
cat >"$work/status.lua" <<'LUA'
local threads = {}
local pattern, maxn = os.getenv("WRK_PATH_PATTERN") or "", tonumber(os.getenv("WRK_PATH_MAX") or "1")
function setup(thread) table.insert(threads, thread) end
function init() bad = 0; math.randomseed(math.floor(os.clock() * 1e6) + #threads) end
if pattern ~= "" then
  function request()
    local path = pattern:gsub("%*", tostring(math.random(1, maxn)))
    return wrk.format(nil, path)
  end
end
function response(status) if status ~= 200 then bad = bad + 1 end end
function done()
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("bad") end
  io.write(string.format("NON200 %d\n", total))
end
LUA

# CPU seconds used so far by the server and its worker processes (load-independent cost per request:
# the machine is shared, so wall-clock figures depend on what else runs).
server_cpu_s() {
  local pids=("$server_pid") total=0 tick
  tick=$(getconf CLK_TCK)
  mapfile -t -O 1 pids < <(pgrep -P "$server_pid" || true)
  pids[0]=$server_pid
  for pid in "${pids[@]}"; do
    [[ -r /proc/$pid/stat ]] || continue
    total=$(awk -v t="$total" -v hz="$tick" '{ sub(/^.*\) /, ""); print t + ($12 + $13) / hz }' "/proc/$pid/stat")
  done
  echo "$total"
}

to_ms() {  # wrk latency "853.21us" / "12.34ms" / "1.02s" -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'
}

results=()
status=0
for workers in $WORKERS_LIST; do
  start_server "$workers"
  cookie=$(login_cookie)
  for entry in "${PAGES[@]}"; do
    pattern="" maxn=1 path=$entry
    if [[ "$entry" == *"*:"* ]]; then
      pattern=${entry%:*} maxn=${entry##*:} path=${pattern/\*/1}
    fi
    code=$(curl -s -o "$work/page.html" -w '%{http_code}' -H "Cookie: $cookie" "$BASE$path")
    if [[ "$code" != 200 ]]; then
      echo "登录后 $path 返回 $code（应为 200），无法测量" >&2; stop_server; exit 1
    fi
    export WRK_PATH_PATTERN=$pattern WRK_PATH_MAX=$maxn
    wrk -t"$THREADS" -c"$CONNECTIONS" -d3s --timeout 10s -s "$work/status.lua" -H "Cookie: $cookie" \
        "$BASE$path" >/dev/null  # warm-up
    # One request at a time (best of 5): what a single user waits, without queueing.
    serial=$(for _ in 1 2 3 4 5; do curl -s -o /dev/null -w '%{time_total}\n' -H "Cookie: $cookie" "$BASE$path"; done |
             sort -n | head -n 1 | awk '{ printf "%.1f", $1 * 1000 }')
    cpu0=$(server_cpu_s)
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "$work/status.lua" \
              -H "Cookie: $cookie" "$BASE$path")
    cpu1=$(server_cpu_s)
    requests=$(awk '/requests in/ { print $1 }' <<<"$out")
    cpu_ms=$(awk -v a="$cpu0" -v b="$cpu1" -v n="$requests" 'BEGIN { printf "%.2f", n ? (b - a) * 1000 / n : 0 }')
    rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
    non200=$(awk '/^NON200/ { print $2 }' <<<"$out")
    errors=$(grep -E 'Socket errors|Non-2xx' <<<"$out" | tr -s ' ' || true)
    verdict=ok
    awk -v r="$rps" -v p="$p99" -v mr="$MIN_RPS" -v mp="$MAX_P99_MS" 'BEGIN { exit !(r >= mr && p <= mp) }' || verdict=OVER
    [[ -z "$pattern" ]] || verdict="($verdict: random, not the bar)"
    [[ "$non200" == 0 ]] || verdict="FAILED ($non200 non-200)"
    if [[ "$verdict" != ok && -z "$pattern" ]]; then status=1; fi
    if [[ "$non200" != 0 ]]; then status=1; fi
    label=${pattern:-$path}
    results+=("$(printf '%-22s %7s %10s %11s %9s %9s %9s  %s %s' "$label" "$workers" "$serial" "$cpu_ms" "$rps" "$p50" "$p99" "$verdict" "$errors")")
  done
  stop_server
done

echo "web: wrk -t$THREADS -c$CONNECTIONS -d$DURATION on loopback, SQLite $DB, logged in as $BENCH_USER"
printf '%-22s %7s %10s %11s %9s %9s %9s  %s\n' page workers "1 req ms" "CPU ms/req" "req/s" "p50 ms" "p99 ms" \
       "bar: >= $MIN_RPS req/s, p99 <= $MAX_P99_MS ms"
printf '%s\n' "${results[@]}"
echo "(1 req ms: best of 5 sequential requests; CPU ms/req: server CPU time per request under load, which"
echo " bounds req/s at workers x 1000 / CPU ms on otherwise idle cores; machine load now: $(cut -d' ' -f1-3 /proc/loadavg))"
exit "$status"
