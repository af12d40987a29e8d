# Sourced by the start-up benchmarks: one measurement of a command and the medians of many.
# Expects $out (a scratch folder). Needs GNU time for peak RSS and CPU time.

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time for peak RSS measurement" >&2
  apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
fi

# One measurement: wall ms (bash clock), peak RSS in KB and CPU ms (GNU time), appended to $1.
# Whatever the command prints on stderr (a task's log should be empty here) is kept for the report.
measure() {
  local file="$1"; shift
  local start end
  start=$EPOCHREALTIME
  /usr/bin/time -f '%M %U %S' -o "$out/rss" "$@" >/dev/null 2>"$out/stderr" || {
    echo "bench: command failed: $*" >&2; cat "$out/stderr" >&2; exit 1; }
  end=$EPOCHREALTIME
  if [ -s "$out/stderr" ]; then
    head -1 "$out/stderr" >> "$out/stderr-seen"
  fi
  tail -1 "$out/rss" | awk -v s="$start" -v e="$end" \
    '{ printf "%.1f %d %.0f\n", (e - s) * 1000, $1, ($2 + $3) * 1000 }' >> "$file"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Prints the medians of a results file and keeps them in $2.median.
report() {
  local name="$1" file="$2"
  local wall rss max cpu
  wall=$(cut -d' ' -f1 "$file" | median)
  rss=$(cut -d' ' -f2 "$file" | median)
  max=$(cut -d' ' -f2 "$file" | sort -n | tail -1)
  cpu=$(cut -d' ' -f3 "$file" | median)
  printf '%-44s wall %6.1f ms  cpu %5.0f ms  peak RSS %5.1f MB (max %5.1f MB)\n' "$name" "$wall" "$cpu" \
    "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$(awk -v k="$max" 'BEGIN { print k / 1024 }')"
  echo "$wall $rss $cpu" > "$file.median"
}

# Prints the ratios of one result's medians to another's (the bare JVM of the same JDK).
ratio() {
  local name="$1" file="$2" bare="$3" w r c hw hr hc
  read -r w r c < "$file.median"
  read -r hw hr hc < "$bare.median"
  awk -v n="$name" -v w="$w" -v hw="$hw" -v r="$r" -v hr="$hr" -v c="$c" -v hc="$hc" \
    'BEGIN { printf "  %-42s %.2fx wall, %.2fx cpu, %.2fx peak RSS of the bare JVM\n", n, w / hw, c / hc, r / hr }'
}

# Prints what the commands printed on stderr, if anything.
report_stderr() {
  if [ -s "$out/stderr-seen" ]; then
    echo "printed on stderr (first lines):"; sort "$out/stderr-seen" | uniq -c
  fi
}
