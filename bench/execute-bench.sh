#!/usr/bin/env bash
# Start-up benchmark of bin/preflyte-execute on local files, JVM start to exit, for two trivial
# typed tasks: Sum (a + b on INTEGER literals, a hand-written executor) and the WordStats sample (a
# processor-generated executor: configuration decoded from custom, typed codecs, an @Outputs record);
# next to a bare hello-world JVM with the same JVM flags.
#
#   bench/execute-bench.sh [runs]        (default 20 runs of each; needs everything packaged:
#                                         mvn -B package -DskipTests)
#
# Prints the median wall time, CPU time (user + system) and peak RSS of each, and their ratios. On a
# loaded machine wall time swings with the load; CPU time much less so.
set -euo pipefail

runs="${1:-20}"
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out"
lib="$root/launcher/target/preflyte/lib"
test_classes="$root/launcher/target/test-classes"
sample_classes="$root/samples/target/classes"

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time for peak RSS measurement" >&2
  apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
fi
if [ ! -d "$lib" ] || [ ! -d "$test_classes/dev/preflyte/runtime/entrypoint/tasks" ] || [ ! -d "$sample_classes" ]; then
  echo "execute-bench: build first: mvn -B package -DskipTests" >&2
  exit 2
fi

rm -rf "$out" && mkdir -p "$out/fixture" "$out/sample" "$out/hello"
java -cp "$lib/*:$test_classes" dev.preflyte.runtime.entrypoint.tasks.WriteSumFixture "$out/fixture"
java -cp "$lib/*:$sample_classes" dev.preflyte.samples.demo.WordStatsDemo prepare "$out/sample" >/dev/null
cat > "$out/hello/Hello.java" <<'JAVA'
public class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
JAVA
javac -d "$out/hello" "$out/hello/Hello.java"

# The same flags bin/preflyte-execute passes, minus its class-data-sharing archive.
jvm_flags=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xshare:auto)
export PREFLYTE_CLASSPATH="$test_classes:$sample_classes"
flags=(--raw-output-data-prefix '{{.rawOutputDataPrefix}}' --checkpoint-path '{{.checkpointOutputPrefix}}'
  --prev-checkpoint '""' --resolver dev.preflyte.runtime.entrypoint.TemplateFileResolver)
execute=("$root/bin/preflyte-execute" --inputs "$out/fixture/inputs.pb" --output-prefix "$out/run" "${flags[@]}"
  -- "$out/fixture/task.pb" dev.preflyte.runtime.entrypoint.tasks.Sum)
sample=("$root/bin/preflyte-execute" --inputs "$out/sample/inputs.pb" --output-prefix "$out/run" "${flags[@]}"
  -- "$out/sample/task.pb" dev.preflyte.samples.typed.WordStats)
hello=(java "${jvm_flags[@]}" -cp "$out/hello" Hello)

# One measurement: wall ms (bash clock), peak RSS in KB and CPU ms (GNU time), appended to $1.
measure() {
  local file="$1"; shift
  local start end
  start=$EPOCHREALTIME
  /usr/bin/time -f '%M %U %S' -o "$out/rss" "$@" >/dev/null 2>"$out/stderr" || {
    echo "execute-bench: command failed: $*" >&2; cat "$out/stderr" >&2; exit 1; }
  end=$EPOCHREALTIME
  tail -1 "$out/rss" | awk -v s="$start" -v e="$end" \
    '{ printf "%.1f %d %.0f\n", (e - s) * 1000, $1, ($2 + $3) * 1000 }' >> "$file"
}

# Warm the page cache once, then interleave the variants so load changes hit all of them alike.
measure "$out/warmup" "${execute[@]}"
measure "$out/warmup" "${hello[@]}"
for _ in $(seq "$runs"); do
  measure "$out/results-execute" "${execute[@]}"
  rm -rf "$out/run"
  PREFLYTE_CDS=off measure "$out/results-execute-nocds" "${execute[@]}"
  rm -rf "$out/run"
  measure "$out/results-sample" "${sample[@]}"
  rm -rf "$out/run"
  measure "$out/results-hello" "${hello[@]}"
done
for command in execute sample; do
  rm -rf "$out/run"
  declare -n run="$command"
  "${run[@]}" && test -f "$out/run/outputs.pb" || { echo "execute-bench: $command wrote no outputs.pb" >&2; exit 1; }
done

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
report() {
  local name="$1" file="$2"
  local wall rss max cpu
  wall=$(cut -d' ' -f1 "$file" | median)
  rss=$(cut -d' ' -f2 "$file" | median)
  max=$(cut -d' ' -f2 "$file" | sort -n | tail -1)
  cpu=$(cut -d' ' -f3 "$file" | median)
  printf '%-33s wall %6.1f ms  cpu %5.0f ms  peak RSS %5.1f MB (max %5.1f MB)\n' "$name" "$wall" "$cpu" \
    "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$(awk -v k="$max" 'BEGIN { print k / 1024 }')"
  echo "$wall $rss $cpu" > "$file.median"
}

echo "runs: $runs each; $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
report "preflyte-execute (Sum task)" "$out/results-execute"
report "preflyte-execute, no CDS archive" "$out/results-execute-nocds"
report "preflyte-execute (WordStats sample)" "$out/results-sample"
report "bare JVM (hello world)" "$out/results-hello"
echo "(medians of $runs runs; CPU time has GNU time's 10 ms resolution)"
read -r ew er ec < "$out/results-execute.median"
read -r sw sr sc < "$out/results-sample.median"
read -r hw hr hc < "$out/results-hello.median"
awk -v ew="$ew" -v hw="$hw" -v er="$er" -v hr="$hr" -v ec="$ec" -v hc="$hc" \
  'BEGIN { printf "preflyte-execute (Sum) / bare JVM: %.1fx wall, %.1fx cpu, %.2fx peak RSS\n", ew / hw, ec / hc, er / hr }'
awk -v ew="$sw" -v hw="$hw" -v er="$sr" -v hr="$hr" -v ec="$sc" -v hc="$hc" \
  'BEGIN { printf "preflyte-execute (WordStats) / bare JVM: %.1fx wall, %.1fx cpu, %.2fx peak RSS\n", ew / hw, ec / hc, er / hr }'
