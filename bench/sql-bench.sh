#!/usr/bin/env bash
# The SQLite3 task over a 1,000,000-row table to Parquet, end to end through preflyte-execute as the
# task image runs it, against the sqlite3 command-line tool exporting the same query to CSV,
# interleaved in one run.
# Usage: bench/sql-bench.sh [RUNS] [ROWS]   (after mvn -B -DskipTests package, which ./demo.sh runs)
#
# As in the image `preflyte image` writes: a copy of the distribution's lib/, the task jar and its
# dependencies on PREFLYTE_CLASSPATH, and a start-up archive bin/preflyte-train made for them.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
rows="${2:-1000000}"
out=bench/out/sql
module=samples/sql
lib="launcher/target/preflyte/lib/*"
task_jar="$(ls "$module"/target/preflyte-samples-sql-*.jar 2>/dev/null | grep -v -- '-tests.jar' | head -1 || true)"

if [ ! -d launcher/target/preflyte/lib ] || [ ! -d "$module/target/task-lib" ] || [ -z "$task_jar" ]; then
  echo "sql-bench: build first: mvn -B -DskipTests package" >&2
  exit 2
fi
command -v sqlite3 >/dev/null || apt-get install -y -q sqlite3 >/dev/null
[ -x /usr/bin/time ] || apt-get install -y -q time >/dev/null

mkdir -p "$out"
home="$PWD/$out/home"
rm -rf "$home" && mkdir -p "$home" && cp -r launcher/target/preflyte/lib "$home/lib"
task_classpath="$PWD/$task_jar"
for jar in "$module"/target/task-lib/*.jar; do task_classpath="$task_classpath:$PWD/$jar"; done
PREFLYTE_HOME="$home" PREFLYTE_CLASSPATH="$task_classpath" bin/preflyte-train >/dev/null
db="$out/tracks-$rows.sqlite"
if [ ! -f "$db" ]; then
  java -cp "$lib:$task_classpath" dev.preflyte.samples.sql.demo.MusicStore "$db" "$rows"
fi
query="SELECT track_id, name, album_id, genre, composer, milliseconds, bytes, unit_price, explicit, released FROM tracks"
java -cp "$lib:$task_classpath" bench/SqlBenchTask.java "$(realpath "$db")" "$query" "$out"

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# One measured run: wall ms, then /usr/bin/time's peak RSS (KB), user and system seconds.
measure() {
  # $1 names both the function to run and the file its numbers go to.
  local name="$1"
  local start end
  start=$EPOCHREALTIME
  /usr/bin/time -o "$out/time.txt" -f '%M %U %S' bash -c "$1" >/dev/null 2>"$out/$name.err"
  end=$EPOCHREALTIME
  read -r rss user system <"$out/time.txt"
  echo "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", (e - s) * 1000 }') $rss $user $system" >>"$out/$name.txt"
}

preflyte() {
  rm -rf "$out/run" && mkdir -p "$out/run/raw"
  PREFLYTE_HOME="$home" PREFLYTE_CLASSPATH="$task_classpath" bin/preflyte-execute --inputs "$out/inputs.pb" --output-prefix "$out/run" \
    --raw-output-data-prefix "$out/run/raw" --checkpoint-path "$out/run/raw/_flytecheckpoints" --prev-checkpoint '""' \
    --resolver dev.preflyte.runtime.entrypoint.TemplateFileResolver -- "$out/task.pb" dev.preflyte.samples.sql.Sqlite3Query
  [ -f "$out/run/outputs.pb" ] || { echo "sql-bench: the task failed, see $out/run" >&2; exit 1; }
}
preflyte_small_heap() { JAVA_OPTS="-Xmx96m" preflyte; }
preflyte_optimizing() { PREFLYTE_JIT=optimizing preflyte; }
cli() { sqlite3 -readonly -csv -header "$db" "$query" >"$out/cli.csv"; }
# /usr/bin/time runs them through bash -c: a process each, as a container runs its command.
export out home task_classpath db query
export -f preflyte preflyte_small_heap preflyte_optimizing cli

rm -f "$out"/{preflyte,preflyte_small_heap,preflyte_optimizing,cli}.txt
preflyte && cli # warm the page cache
for _ in $(seq "$runs"); do
  measure preflyte
  measure cli
  measure preflyte_small_heap
  measure preflyte_optimizing
done

parquet=$(find "$out/run/raw" -name 00000)
echo "rows: $rows; query: $query"
echo "parquet: $(stat -c %s "$parquet") bytes; csv: $(stat -c %s "$out/cli.csv") bytes"
printf '%-34s %10s %12s %12s %10s\n' "medians of $runs" "wall ms" "rows/s" "peak RSS MB" "CPU s"
for name in preflyte preflyte_small_heap preflyte_optimizing cli; do
  wall=$(cut -d' ' -f1 "$out/$name.txt" | median)
  rss=$(cut -d' ' -f2 "$out/$name.txt" | median)
  cpu=$(awk '{ print $3 + $4 }' "$out/$name.txt" | median)
  label=$name
  case $name in
    preflyte) label="preflyte-execute -> Parquet" ;;
    preflyte_small_heap) label="preflyte-execute, -Xmx96m" ;;
    preflyte_optimizing) label="PREFLYTE_JIT=optimizing" ;;
    cli) label="sqlite3 CLI -> CSV" ;;
  esac
  printf '%-34s %10s %12.0f %12.1f %10.2f\n' "$label" "$wall" "$(awk -v r="$rows" -v w="$wall" 'BEGIN { print r / (w / 1000) }')" \
    "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$cpu"
done
ratio() { awk -v p="$(cut -d' ' -f"$2" "$out/$1.txt" | median)" -v c="$(cut -d' ' -f"$2" "$out/cli.txt" | median)" 'BEGIN { printf "%.2f", p / c }'; }
cpu() { awk '{ print $3 + $4 }' "$out/$1.txt" | median; }
for name in preflyte preflyte_optimizing; do
  echo "ratio $name / sqlite3 CLI: wall $(ratio "$name" 1), CPU $(awk -v p="$(cpu "$name")" -v c="$(cpu cli)" 'BEGIN { printf "%.2f", p / c }')"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
