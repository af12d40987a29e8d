#!/usr/bin/env bash
# Throughput and memory of the CSV statistics sample (samples.csv_stats) run end to end through
# bin/preflyte-execute on a generated CSV file, next to a Python baseline in the same run: the same
# summaries (count, missing, min/max/mean, distinct values) and the same cleaned copy, with Python's
# own csv module.
#
#   bench/csv-bench.sh [rows] [runs]     (default 1000000 rows, 5 runs of each; needs everything
#                                         packaged: mvn -B package -DskipTests; and python3)
#
# Prints the median wall time, rows per second and peak RSS of each, and the ratios. Also runs the
# task once on a tenth of the rows, to show that its memory does not grow with the file.
set -euo pipefail

rows="${1:-1000000}"
runs="${2:-5}"
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out/csv"
samples="$root/samples/target/classes"

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time for peak RSS measurement" >&2
  apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
fi
if [ ! -d "$root/launcher/target/preflyte/lib" ] || [ ! -d "$samples/dev/preflyte/samples/csv" ]; then
  echo "csv-bench: build first: mvn -B package -DskipTests" >&2
  exit 2
fi
rm -rf "$out" && mkdir -p "$out"

generate() { # rows file: ids, names, prices with missing values, quoted cities with commas, notes with quotes
  python3 - "$1" "$2" <<'PY'
import random, sys
rows, path = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(7)
names = ["name%d" % i for i in range(5000)]
cities = ['"Paris, FR"', '"Lyon, FR"', "Berlin", "Oslo", '"Rome, IT"']
with open(path, "w", newline="") as f:
    f.write("id,name,price,city,note\r\n")
    for i in range(rows):
        price = "NA" if i % 17 == 0 else "%.2f" % (rnd.random() * 1000)
        note = '"said ""hi"""' if i % 11 == 0 else ("" if i % 3 else "plain note %d" % (i % 97))
        f.write("%d,%s,%s,%s,%s\r\n" % (i, rnd.choice(names), price, rnd.choice(cities), note))
PY
}

cat > "$out/baseline.py" <<'PY'
import csv, sys
source, cleaned = sys.argv[1], sys.argv[2]
missing_markers = {"NA", "null"}
with open(source, newline="", encoding="utf-8-sig") as f, open(cleaned, "w", newline="", encoding="utf-8") as g:
    reader, writer = csv.reader(f), csv.writer(g)
    header = [h.strip() for h in next(reader)]
    writer.writerow(header)
    stats = [{"count": 0, "missing": 0, "numeric": True, "min": None, "max": None, "sum": 0.0, "distinct": set()} for _ in header]
    rows = dropped = 0
    for record in reader:
        values = ["" if v.strip() in missing_markers else v.strip() for v in record]
        if len(values) != len(header):
            dropped += 1
            continue
        rows += 1
        for s, v in zip(stats, values):
            if not v:
                s["missing"] += 1
                continue
            s["count"] += 1
            s["distinct"].add(v)
            if s["numeric"]:
                try:
                    x = float(v)
                    s["min"] = x if s["min"] is None else min(s["min"], x)
                    s["max"] = x if s["max"] is None else max(s["max"], x)
                    s["sum"] += x
                except ValueError:
                    s["numeric"] = False
        writer.writerow(values)
print(rows, dropped, {h: (s["count"], s["missing"], len(s["distinct"])) for h, s in zip(header, stats)})
PY

generate "$rows" "$out/data.csv"
generate $((rows / 10)) "$out/small.csv"
echo "csv-bench: $rows rows, $(du -m "$out/data.csv" | cut -f1) MB; $runs runs each, interleaved"

# preflyte run writes the container's task.pb and inputs.pb; file:// passes the file by reference.
export PREFLYTE_CLASSPATH="$samples"
for name in data small; do
  "$root/bin/preflyte" run samples.csv_stats --input "csv=file://$out/$name.csv" --output-dir "$out/prep-$name" >/dev/null
done

measure() { # label command...: appends "wall_ms rss_kb" to $out/<label>.txt
  local label="$1"; shift
  local start end
  start=$EPOCHREALTIME
  /usr/bin/time -o "$out/time.txt" -f '%M' "$@" >/dev/null 2>"$out/$label.err" || { cat "$out/$label.err" >&2; exit 1; }
  end=$EPOCHREALTIME
  echo "$(( (${end/./} - ${start/./}) / 1000 )) $(tail -1 "$out/time.txt")" >> "$out/$label.txt"
}
execute() { # prep-dir run: the container's command line
  echo "$root/bin/preflyte-execute" --inputs "$1/inputs.pb" --output-prefix "$out/run-$2" \
    --raw-output-data-prefix "$out/raw-$2" -- "$1/task.pb" dev.preflyte.samples.csv.CsvStats
}

for i in $(seq "$runs"); do
  # shellcheck disable=SC2046 # the paths hold no spaces
  measure preflyte $(execute "$out/prep-data" "$i")
  measure python python3 "$out/baseline.py" "$out/data.csv" "$out/python-cleaned.csv"
  # shellcheck disable=SC2046
  measure preflyte-small $(execute "$out/prep-small" "small-$i")
done
test -f "$out/run-1/outputs.pb" || { echo "csv-bench: the task wrote no outputs.pb" >&2; exit 1; }

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
report() {
  local label="$1" count="$2" wall rss
  wall=$(cut -d' ' -f1 "$out/$label.txt" | median)
  rss=$(cut -d' ' -f2 "$out/$label.txt" | median)
  printf '%-16s median %8.0f ms  %10.0f rows/s  peak RSS %6.1f MB\n' "$label" "$wall" \
    "$(echo "$count * 1000 / $wall" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
}
report preflyte "$rows"
report python "$rows"
report preflyte-small $((rows / 10))
p=$(cut -d' ' -f1 "$out/preflyte.txt" | median); b=$(cut -d' ' -f1 "$out/python.txt" | median)
printf 'preflyte / python wall: %.2fx\n' "$(echo "$p / $b" | bc -l)"
