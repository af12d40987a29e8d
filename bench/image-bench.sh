#!/usr/bin/env bash
# Start-up of preflyte-execute inside the task image the recipe builds, with the start-up archive
# its training RUN made and without it (PREFLYTE_CDS=off), for the WordStats sample on local files,
# next to a bare hello-world JVM; on each JDK given, all in one run. No container engine is needed:
# the image is laid out as its Dockerfile's COPY lines place it, then its RUN ["preflyte-train"]
# runs with the image's environment, as ImageRecipeIT does.
#
#   bench/image-bench.sh [runs] [JAVA_HOME...]   (default 20 runs; default JDKs: the java on PATH
#                                                 and /usr/lib/jvm/temurin-25-jdk-amd64 if present;
#                                                 needs mvn -B package -DskipTests first)
#
# Prints the median wall time, CPU time (user + system) and peak RSS of each, and the ratios.
set -euo pipefail

runs="${1:-20}"
shift || true
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out/image"
lib="$root/launcher/target/preflyte/lib"
samples_jar="$(ls "$root"/samples/target/preflyte-samples-*.jar 2>/dev/null | head -n 1 || true)"
if [ ! -d "$lib" ] || [ ! -d "$root/launcher/target/preflyte/cli" ] || [ -z "$samples_jar" ]; then
  echo "image-bench: build first: mvn -B package -DskipTests" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
fi
jdks=("$@")
if [ ${#jdks[@]} -eq 0 ]; then
  jdks=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && jdks+=(/usr/lib/jvm/temurin-25-jdk-amd64)
fi

rm -rf "$out" && mkdir -p "$out/hello"
"$root/bin/preflyte" image --output "$out/images" --classpath "$samples_jar" >/dev/null
context="$out/images/samples"
java -cp "$lib/*:$samples_jar" dev.preflyte.samples.demo.WordStatsDemo prepare "$out/sample" >/dev/null
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$out/hello/Hello.java"
javac -d "$out/hello" "$out/hello/Hello.java"

# The image's tree for JDK $1 under $2: the Dockerfile's COPY lines, then its training RUN.
build_image() {
  local jdk="$1" image="$2" keyword first second third
  while read -r keyword first second third; do
    if [ "$keyword" = COPY ]; then
      if [[ "$first" == --chown=* ]]; then first="$second"; second="$third"; fi
      mkdir -p "$image$second"
      cp -a "$context/$first." "$image$second"
    fi
  done < "$context/Dockerfile"
  PREFLYTE_HOME="$image/opt/preflyte" JAVA_HOME="$jdk" JAVA_OPTS="$java_opts" \
    PREFLYTE_CLASSPATH="$image/opt/preflyte-tasks/tasks/*:$image/opt/preflyte-tasks/dependencies/*" \
    "$image/opt/preflyte/bin/preflyte-train" >/dev/null
}
java_opts="$(sed -n 's/^ENV JAVA_OPTS="\(.*\)"$/\1/p' "$context/Dockerfile")"

measure() {
  local file="$1" start end; shift
  start=$EPOCHREALTIME
  /usr/bin/time -f '%M %U %S' -o "$out/rss" "$@" >/dev/null 2>"$out/stderr" || {
    echo "image-bench: command failed: $*" >&2; cat "$out/stderr" >&2; exit 1; }
  end=$EPOCHREALTIME
  tail -1 "$out/rss" | awk -v s="$start" -v e="$end" '{ printf "%.1f %d %.0f\n", (e - s) * 1000, $1, ($2 + $3) * 1000 }' >> "$file"
}
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
report() {
  local wall rss cpu
  wall=$(cut -d' ' -f1 "$2" | median)
  rss=$(cut -d' ' -f2 "$2" | median)
  cpu=$(cut -d' ' -f3 "$2" | median)
  printf '  %-32s wall %6.1f ms  cpu %5.0f ms  peak RSS %5.1f MB\n' "$1" "$wall" "$cpu" \
    "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
  echo "$wall $rss $cpu" > "$2.median"
}

echo "runs: $runs each; $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
n=0
for jdk in "${jdks[@]}"; do
  n=$((n + 1))
  image="$out/root-$n"
  build_image "$jdk" "$image"
  archive="$(cd "$image/opt/preflyte" && ls preflyte.aot preflyte.jsa 2>/dev/null || true)"
  task=(env PREFLYTE_HOME="$image/opt/preflyte" JAVA_HOME="$jdk" JAVA_OPTS="$java_opts"
    PREFLYTE_CLASSPATH="$image/opt/preflyte-tasks/tasks/*:$image/opt/preflyte-tasks/dependencies/*"
    "$image/opt/preflyte/bin/preflyte-execute" --inputs "$out/sample/inputs.pb" --output-prefix "$out/run"
    --raw-output-data-prefix '{{.rawOutputDataPrefix}}' --resolver dev.preflyte.runtime.entrypoint.TemplateFileResolver
    -- "$out/sample/task.pb" dev.preflyte.samples.typed.WordStats)
  hello=("$jdk/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -cp "$out/hello" Hello)
  measure "$out/warmup" "${task[@]}"
  for _ in $(seq "$runs"); do
    measure "$out/$n-archive" "${task[@]}"
    rm -rf "$out/run"
    measure "$out/$n-none" env PREFLYTE_CDS=off "${task[@]}"
    rm -rf "$out/run"
    measure "$out/$n-hello" "${hello[@]}"
  done
  "${task[@]}" >/dev/null 2>&1 && test -f "$out/run/outputs.pb" || { echo "image-bench: the task wrote no outputs.pb" >&2; exit 1; }
  echo "$("$jdk/bin/java" -version 2>&1 | head -1); the image's training run wrote $archive ($(du -m "$image/opt/preflyte/$archive" | cut -f1) MB)"
  report "WordStats, the image's archive" "$out/$n-archive"
  report "WordStats, no archive" "$out/$n-none"
  report "bare JVM (hello world)" "$out/$n-hello"
  read -r aw ar ac < "$out/$n-archive.median"
  read -r nw nr nc < "$out/$n-none.median"
  read -r hw hr hc < "$out/$n-hello.median"
  awk -v aw="$aw" -v nw="$nw" -v hw="$hw" -v ar="$ar" -v hr="$hr" -v ac="$ac" -v nc="$nc" -v hc="$hc" 'BEGIN {
    printf "  archive / none: %.2fx wall, %.2fx cpu; archive / bare JVM: %.1fx wall, %.1fx cpu, %.2fx peak RSS\n",
      aw / nw, ac / nc, aw / hw, ac / hc, ar / hr }'
done
