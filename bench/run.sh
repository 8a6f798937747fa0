#!/usr/bin/env bash
# alertbook against Hugo and promtool on the same generated inputs, in one run.
#
# For each corpus size (1,000, 10,000 and 50,000 runbooks; --quick: 1,000 only) this generates a
# repository with bench/Generate.java (deterministic, seeded), then times, in fresh processes,
# alternating the two tools so that background load hits both alike:
#   build: bin/alertbook build --no-cache -C corpus  vs  hugo with our theme in bench/hugo/
#   rebuild: bin/alertbook build -C corpus again, nothing changed, its .alertbook/cache present
#          (what a CI job that restores the cache meets), against the same Hugo build
#   check: bin/alertbook check --no-cache -C corpus  vs  promtool check rules <rule files>
#   test:  bin/alertbook test -C corpus     vs  promtool test rules <test files>
#          (only if the jar has a `test` command; otherwise marked "not available yet", and
#          promtool is timed once, as a reference for later)
#   serve: bin/alertbook serve -C corpus  vs  hugo server, timed from one edited runbook to its new page
# bin/alertbook runs target/alertbook.jar with the JVM settings docs/benchmarks.md explains
# (C1 only, the serial collector or for `check` the parallel one, and the class-data sharing
# archive its first `build` writes);
# ALERTBOOK_JAVA_OPTS adds more. Each command gets one untimed warm-up run (not with --quick) and
# RUNS timed runs (5; 2 with --quick), measured with
# /usr/bin/time (wall time and peak RSS). A command that exits non-zero is recorded as failed with
# the start of its output, and not timed further.
#
# Writes target/bench/raw.tsv and target/bench/results.json, prints a Markdown table, and (on a run
# that is not --quick, or with --docs) rewrites the table in docs/benchmarks.md.
#
# --append adds to the results of the previous invocation instead of starting afresh, so sizes can
# be run with different --runs (50,000 alone took about 90 minutes at 5 runs on 2 cores).
#
# Usage: bash bench/run.sh [--quick] [--runs N] [--warmups N] [--sizes "1000 10000"] [--seed S] [--append] [--docs|--no-docs]
# Run as root, it installs what is missing with apt-get: hugo, prometheus (promtool), time, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

quick=false
runs=
sizes="1000 10000 50000"
seed=42
docs=auto
append=false
warmups=
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true; sizes="1000" ;;
    --runs) runs=$2; shift ;;
    --sizes) sizes=$2; shift ;;
    --seed) seed=$2; shift ;;
    --warmups) warmups=$2; shift ;;
    --docs) docs=true ;;
    --append) append=true ;;
    --no-docs) docs=false ;;
    -h|--help) sed -n '2,28p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[ "$docs" = auto ] && { $quick && docs=false || docs=true; }
[ -n "$runs" ] || { $quick && runs=2 || runs=5; }
[ -n "$warmups" ] || { $quick && warmups=0 || warmups=1; }
out=target/bench
mkdir -p "$out"
log() { printf '%s bench: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# --- tools -------------------------------------------------------------------------------------
missing=()
[ -x /usr/bin/time ] || missing+=(time)
command -v hugo >/dev/null || missing+=(hugo)
command -v promtool >/dev/null || missing+=(prometheus)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q --no-install-recommends "${missing[@]}" >"$out/apt.log" 2>&1 \
      || { apt-get update -q >>"$out/apt.log" 2>&1 && apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$out/apt.log" 2>&1; } \
      || log "could not install ${missing[*]}; see $out/apt.log"
  else
    log "missing ${missing[*]} and not root: those comparisons are skipped"
  fi
fi
[ -x /usr/bin/time ] || { echo "bench/run.sh: /usr/bin/time (Debian package 'time') is needed to measure peak RSS" >&2; exit 2; }
have_hugo=false; command -v hugo >/dev/null && have_hugo=true
have_promtool=false; command -v promtool >/dev/null && have_promtool=true
have_curl=false; command -v curl >/dev/null && have_curl=true

jar=target/alertbook.jar
alertbook=bin/alertbook
if [ ! -f "$jar" ]; then
  log "building $jar"
  mvn -B -q package -DskipTests
fi
# bin/alertbook's first `build` with a new jar also writes its class-data sharing archive: let that
# happen here, on the example repository, rather than in a timed run.
if [ ! -f target/alertbook.jsa ] || [ "$jar" -nt target/alertbook.jsa ]; then
  $alertbook build --no-cache -q -C . -o "$out/cds-training-site" >/dev/null 2>&1 || true
fi
# `alertbook test --help` exits 0 even without a test command (picocli answers --help first), so
# look for the command's own usage line.
have_test=false
$alertbook test --help 2>&1 | grep -q '^Usage: alertbook test' && have_test=true

# --- the machine and the versions, for results.json ---------------------------------------------
meta=$out/meta.tsv
{
  printf 'date\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf 'nproc\t%s\n' "$(nproc)"
  printf 'memory\t%s\n' "$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  printf 'cpu\t%s\n' "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  printf 'kernel\t%s\n' "$(uname -sr)"
  printf 'loadStart\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf 'java\t%s\n' "$(java -version 2>&1 | head -1)"
  printf 'alertbook\t%s (commit %s%s)\n' "$($alertbook --version 2>/dev/null | head -1)" \
    "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" "$(git diff --quiet HEAD -- src pom.xml 2>/dev/null || echo ', src changed')"
  printf 'hugo\t%s\n' "$($have_hugo && hugo version | head -1 || echo 'not installed')"
  printf 'promtool\t%s\n' "$($have_promtool && promtool --version 2>&1 | head -1 || echo 'not installed')"
  printf 'runs\t%s\n' "$runs"
  printf 'warmups\t%s\n' "$warmups"
  printf 'quick\t%s\n' "$quick"
  printf 'testCommand\t%s\n' "$have_test"
} >"$meta.new"

raw=$out/raw.tsv
notes=$out/notes.tsv
if $append && [ -f "$raw" ] && [ -f "$meta" ]; then
  # The first invocation's date and load stay: Report.java reads the first value of a key.
  cat "$meta.new" >>"$meta" && rm "$meta.new"
else
  mv "$meta.new" "$meta"
  printf 'size\tverb\ttool\trun\texit\twallMillis\trssKiB\tload1\n' >"$raw"
  : >"$notes"
fi

# time_one SIZE VERB TOOL RUN LOG COMMAND...: one timed run; appends to raw.tsv; returns its exit code.
time_one() {
  local size=$1 verb=$2 tool=$3 run=$4 logfile=$5; shift 5
  local tf=$out/time.txt code=0 start end load
  load=$(cut -d' ' -f1 /proc/loadavg)   # other work on the machine skews the figures: keep a record
  start=$(date +%s%N)
  /usr/bin/time -f '%e %M' -o "$tf" timeout 1800 "$@" >"$logfile" 2>&1 || code=$?
  end=$(date +%s%N)
  # /usr/bin/time writes "Command exited with non-zero status N" before its figures on failure.
  local rss; rss=$(tail -1 "$tf" | awk '{print $2}')
  if [ "$run" -gt 0 ]; then
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$verb" "$tool" "$run" "$code" $(( (end - start) / 1000000 )) "${rss:-0}" "$load" >>"$raw"
  fi
  return "$code"
}

# bench_pair SIZE VERB -- TOOL1 CLEAN1 CMD1 -- TOOL2 CLEAN2 CMD2: alternate the two commands.
# Each CMD and CLEAN is a string evaluated by bash; CLEAN runs before every run, untimed.
bench_pair() {
  local size=$1 verb=$2; shift 2
  local -a tools=("$1" "$4") cleans=("$2" "$5") cmds=("$3" "$6")
  local -a failed=(false false)
  local run i n=$runs
  # Without an alertbook command there is nothing to compare with: time the reference once.
  [ -n "${cmds[0]}" ] || n=1
  for run in $(seq $((1 - warmups)) "$n"); do
    for i in 0 1; do
      [ -n "${cmds[$i]}" ] || continue
      ${failed[$i]} && continue
      eval "${cleans[$i]}"
      local logfile=$out/$verb-${tools[$i]}-$size.log
      local code=0
      eval "time_one $size $verb ${tools[$i]} $run $logfile ${cmds[$i]}" || code=$?
      if [ "$code" != 0 ]; then
        failed[$i]=true
        # A warm-up failure is still a failure: record it once.
        [ "$run" -gt 0 ] || printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$verb" "${tools[$i]}" 1 "$code" 0 0 0 >>"$raw"
        log "$verb ${tools[$i]} at $size failed; first lines of its output:"
        head -15 "$logfile" | sed 's/^/    /' >&2
        printf '%s\t%s\t%s\t%s\n' "$size" "$verb" "${tools[$i]}" "$(head -5 "$logfile" | tr '\t\n' '  ' | cut -c1-400)" >>"$notes"
      fi
    done
    [ "$run" -gt 0 ] && log "$verb $size: run $run/$n done"
  done
  return 0
}

# bench_serve SIZE CORPUS TOOL: a server of the corpus (`alertbook serve`, or `hugo server` on the
# Hugo site that mounts the same runbooks); RUNS times, a line is appended to one runbook and the
# clock stops when the server returns that runbook's page with the line: the file-system notice,
# the quiet period that groups an editor's writes, reloading, linking and rendering the page. The
# runbook is restored afterwards, so the corpus stays as generated. Hugo runs as `hugo server`
# does by default (fast render mode, pages in memory); each tool's edits are timed alone, since
# an edit wakes every server watching the file.
bench_serve() {
  local size=$1 corpus=$2 tool=$3 port=4177 logfile=$out/serve-$3-$1.log
  local rel file page saved=$out/serve-saved.md ready
  # sed reads to the end, where head would leave sort to die of SIGPIPE (fatal under pipefail).
  rel=$(cd "$corpus/content" && find runbooks -name '*.md' ! -name '_index.md' | LC_ALL=C sort | sed -n 1p)
  file=$corpus/content/$rel
  page=http://127.0.0.1:$port/$(printf '%s' "${rel%.md}" | tr '[:upper:]' '[:lower:]')/
  cp "$file" "$saved"
  if [ "$tool" = alertbook ]; then
    $alertbook serve -C "$corpus" --port $port >"$logfile" 2>&1 &
    ready=Serving
  else
    hugo server -s "$out/hugo-site-$size" --bind 127.0.0.1 --port $port --disableLiveReload >"$logfile" 2>&1 &
    ready="Web Server is available"
  fi
  local server=$! waited=0
  until grep -q "$ready" "$logfile" 2>/dev/null; do
    sleep 0.2
    waited=$((waited + 1))
    if ! kill -0 $server 2>/dev/null || [ $waited -gt 3000 ]; then
      log "$tool serve at $size did not start; see $logfile"
      kill $server 2>/dev/null || true
      printf '%s\tserve\t%s\t1\t1\t0\t0\t0\n' "$size" "$tool" >>"$raw"
      return 0
    fi
  done
  curl -s "$page" >/dev/null
  local run start end marker load code
  for run in $(seq "$runs"); do
    code=0
    marker="bench-edit-$run-$RANDOM"
    load=$(cut -d' ' -f1 /proc/loadavg)
    start=$(date +%s%N)
    printf '\n%s\n' "$marker" >>"$file"
    until curl -s "$page" | grep -q "$marker"; do
      [ $(( $(date +%s%N) - start )) -lt 60000000000 ] && continue
      log "$tool serve at $size did not show an edit within 60 s; see $logfile"
      code=1
      break
    done
    end=$(date +%s%N)
    printf '%s\tserve\t%s\t%s\t%s\t%s\t0\t%s\n' "$size" "$tool" "$run" "$code" $(( (end - start) / 1000000 )) "$load" >>"$raw"
    sleep 0.5
  done
  kill $server 2>/dev/null || true
  wait $server 2>/dev/null || true
  cp "$saved" "$file"
  log "$tool serve $size: $runs edits done"
}

for size in $sizes; do
  corpus=$out/corpus-$size
  stamp="$(sha256sum bench/Generate.java | cut -c1-16) $size $seed"
  if [ "$(cat "$corpus/.generated" 2>/dev/null)" != "$stamp" ]; then
    log "generating $corpus"
    rm -rf "$corpus"
    java bench/Generate.java "$corpus" "$size" "$seed" >&2
    echo "$stamp" >"$corpus/.generated"
  fi
  abs=$root/$corpus

  # Hugo reads the same runbooks and rule files through mounts, so nothing is copied.
  site=$out/hugo-site-$size
  mkdir -p "$site"
  { cat bench/hugo/hugo.toml
    printf '\n# Added by bench/run.sh for this corpus.\n'
    printf '[[module.mounts]]\nsource = "%s"\ntarget = "layouts"\n' "$root/bench/hugo/layouts"
    printf '[[module.mounts]]\nsource = "%s"\ntarget = "content/runbooks"\n' "$abs/content/runbooks"
    printf '[[module.mounts]]\nsource = "%s"\ntarget = "data"\n' "$abs/content/rules"
  } >"$site/hugo.toml"

  # Is the generated corpus clean? (untimed; its counts go into results.json)
  $alertbook check --no-cache -C "$corpus" >"$out/check-findings-$size.log" 2>&1 || true
  printf 'checkSummary%s\t%s\n' "$size" "$(tail -1 "$out/check-findings-$size.log")" >>"$meta"
  printf 'corpus%s\t%s runbooks, %s rule files, %s test files, %s\n' "$size" \
    "$(find "$corpus/content/runbooks" -name '*.md' ! -name '_index.md' | wc -l)" \
    "$(ls "$corpus"/content/rules | wc -l)" "$(ls "$corpus"/content/tests | wc -l)" "$(du -sh "$corpus/content" | cut -f1)B" >>"$meta"

  log "build at $size runbooks"
  bench_pair "$size" build \
    alertbook "rm -rf $out/site-alertbook" "$alertbook build --no-cache -q -C $corpus -o $out/site-alertbook" \
    hugo "rm -rf $out/site-hugo" "$($have_hugo && echo "hugo --quiet -s $site -d $root/$out/site-hugo")"

  log "rebuild at $size runbooks (cache present, nothing changed)"
  rm -rf "$corpus/.alertbook"
  $alertbook build -q -C "$corpus" -o "$out/site-alertbook" >/dev/null 2>&1 || true
  bench_pair "$size" rebuild \
    alertbook ":" "$alertbook build -q -C $corpus -o $out/site-alertbook" \
    hugo ":" ""

  log "check at $size runbooks"
  bench_pair "$size" check \
    alertbook ":" "$alertbook check --no-cache -C $corpus" \
    promtool ":" "$($have_promtool && echo "promtool check rules $corpus/content/rules/*.yml")"

  log "test at $size runbooks"
  bench_pair "$size" test \
    alertbook ":" "$($have_test && echo "$alertbook test -C $corpus")" \
    promtool ":" "$($have_promtool && echo "promtool test rules $corpus/content/tests/*.yml")"

  if $have_curl; then
    log "serve at $size runbooks"
    bench_serve "$size" "$corpus" alertbook
    $have_hugo && bench_serve "$size" "$corpus" hugo
  fi
done
# Report.java reads the first value of a key, and the load at the end is the last one's.
sed -i '/^loadEnd\t/d' "$meta"
printf 'loadEnd\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$meta"

docfile=""
$docs && docfile=docs/benchmarks.md
java bench/Report.java "$out" "$docfile"
