#!/usr/bin/env bash
# Times `alertbook check` on the srerun corpus beside `promtool check rules` on the same rule files,
# and both given the rule files of srerun and awesome as paths (alertbook from an empty folder, so
# no repository is read with them): RUNS runs each (default 5), alertbook in fresh JVMs started by
# bin/alertbook, and writes every wall-clock time and the medians to target/bench/check-srerun.json.
# Usage: mvn -B -q package -DskipTests && bench/check-srerun.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
corpus=../shared/corpus/srerun
out=target/bench
mkdir -p "$out"
mapfile -t rules < <(find "$corpus/rules" -name '*.yml' -o -name '*.yaml' | sort)
mapfile -t paths < <(find "$PWD/$corpus/rules" "$PWD/../shared/corpus/awesome" -name '*.yml' -o -name '*.yaml' | sort)
empty=$(mktemp -d)
trap 'rm -rf "$empty"' EXIT

median() {
  printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'
}

# Runs "$@" RUNS times and prints the wall-clock milliseconds of each run.
time_runs() {
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true   # both report findings in the corpus with a non-zero exit
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
  done
}

mapfile -t alertbook < <(time_runs bin/alertbook check --no-cache -C "$corpus" --config bench/srerun.alertbook.yml)
mapfile -t promtool < <(time_runs promtool check rules "${rules[@]}")
mapfile -t alertbookPaths < <(cd "$empty" && time_runs "$OLDPWD/bin/alertbook" check --no-cache "${paths[@]}")
mapfile -t promtoolPaths < <(time_runs promtool check rules "${paths[@]}")
summary=$(bin/alertbook check --no-cache -C "$corpus" --config bench/srerun.alertbook.yml 2>&1 >/dev/null | tail -1)
printf '{"benchmark":"check-srerun","runs":%d,"ruleFiles":%d,"alertbookMillis":[%s],"alertbookMedianMillis":%s,"promtoolMillis":[%s],"promtoolMedianMillis":%s,"pathFiles":%d,"alertbookPathsMillis":[%s],"alertbookPathsMedianMillis":%s,"promtoolPathsMillis":[%s],"promtoolPathsMedianMillis":%s,"promtool":"%s","java":"%s","cpus":%d,"load":"%s","summary":"%s"}\n' \
  "$runs" "${#rules[@]}" "$(IFS=,; echo "${alertbook[*]}")" "$(median "${alertbook[@]}")" \
  "$(IFS=,; echo "${promtool[*]}")" "$(median "${promtool[@]}")" \
  "${#paths[@]}" "$(IFS=,; echo "${alertbookPaths[*]}")" "$(median "${alertbookPaths[@]}")" \
  "$(IFS=,; echo "${promtoolPaths[*]}")" "$(median "${promtoolPaths[@]}")" \
  "$(promtool --version 2>&1 | head -1)" "$(java -version 2>&1 | head -1 | tr -d '"')" "$(nproc)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" "$summary" | tee "$out/check-srerun.json"
