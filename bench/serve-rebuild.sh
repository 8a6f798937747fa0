#!/usr/bin/env bash
# Times `alertbook serve` picking up one edited runbook in a copy of the srerun corpus: from the
# file write to the new text being served, RUNS times (default 5); writes
# target/bench/serve-rebuild.json. Usage: mvn -B -q package -DskipTests && bench/serve-rebuild.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
out=target/bench
copy=$out/srerun-copy
port=4123
mkdir -p "$out"
rm -rf "$copy" && cp -r ../shared/corpus/srerun "$copy"
bin/alertbook serve -C "$copy" --config bench/srerun.alertbook.yml --port $port >"$out/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
until grep -q Serving "$out/serve.log" 2>/dev/null; do sleep 0.2; done
page=http://127.0.0.1:$port/prometheus-alerts/runbooks/blackbox-exporter/blackboxprobefailed/
file=$copy/content/runbooks/blackbox-exporter/BlackboxProbeFailed.md
curl -s "$page" >/dev/null
times=()
for i in $(seq "$runs"); do
  marker="edit-$i-$RANDOM"
  start=$(date +%s%N)
  printf '\n%s\n' "$marker" >>"$file"
  until curl -s "$page" | grep -q "$marker"; do :; done
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
  sleep 0.5
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
printf '{"benchmark":"serve-rebuild-srerun","runs":%d,"millis":[%s],"medianMillis":%s,"serverLog":"%s"}\n' \
  "$runs" "$(IFS=,; echo "${times[*]}")" "$median" "$(grep rebuilt "$out/serve.log" | tr '\n' ';')" | tee "$out/serve-rebuild.json"
