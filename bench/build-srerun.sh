#!/usr/bin/env bash
# Times `alertbook build` on the srerun corpus: RUNS runs (default 5) in fresh JVMs started by
# bin/alertbook, and writes every wall-clock time and their median to target/bench/build-srerun.json.
# Usage: mvn -B -q package -DskipTests && bench/build-srerun.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
corpus=../shared/corpus/srerun
out=target/bench
mkdir -p "$out"
times=()
for i in $(seq "$runs"); do
  rm -rf "$out/site"
  start=$(date +%s%N)
  bin/alertbook build --no-cache -q -C "$corpus" --config bench/srerun.alertbook.yml -o "$out/site" >/dev/null 2>"$out/build.log"
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
printf '{"benchmark":"build-srerun","runs":%d,"millis":[%s],"medianMillis":%s,"java":"%s","cpus":%d,"summary":"%s"}\n' \
  "$runs" "$(IFS=,; echo "${times[*]}")" "$median" "$(java -version 2>&1 | head -1 | tr -d '"')" "$(nproc)" \
  "$(tail -1 "$out/build.log")" | tee "$out/build-srerun.json"
