#!/usr/bin/env bash
# Times, in ONE run on this machine: raw ICU word iteration, `helder tokenize`, `helder check` on one
# file of 1, 10 and 100 MB (and the 10 MB on one line, which must cost no more), on a folder of 20,000
# letters with 1 and 2 jobs (and, as this machine's ceiling, two one-job processes on half the letters
# each), one 2 KB letter, and ucto when installed, over the same deterministic Dutch prose. Prints a
# table of MB/s and ratios.
#   Benchmarks/compare.sh            the whole table (a few minutes)
#   BIG=1 Benchmarks/compare.sh      also peak memory on a 200 MB file and a 1 GB folder (much longer)
# Each timing is the best of RUNS runs (default 3; 2 for the 100 MB file; RATIO_RUNS=11 alternating
# rounds for ICU and the 10 MB check; LETTER_RUNS=7 for the letters): the machine is noisy.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${HELDER_BENCH_DIR:-/tmp/helder-bench}
runs=${RUNS:-3}
letters_count=${LETTERS:-20000}
mkdir -p "$work"
cd "$root"
# The binary users are told to build (README): Swift's libraries linked in, so start-up loads no shared
# Swift or Foundation libraries. Its own build directory, so the plain debug/release builds stay as they are.
swift build -c release --static-swift-stdlib --scratch-path "$root/.build-static" --product helder >/dev/null
helder=$root/.build-static/release/helder
cc -O2 -o "$work/icu-wordbreak" Benchmarks/tools/icu-wordbreak.c $(pkg-config --cflags --libs icu-uc icu-i18n)

# Ordinary Dutch prose: the background documents (../shared/seeds) and the UD Dutch dev sentences, when
# present; else the Corpus letters without their marks.
seed="$work/prose.txt"
if [ ! -s "$seed" ]; then
  : > "$seed"
  for f in ../shared/seeds/*.txt; do [ -f "$f" ] && cat "$f" >> "$seed"; done
  for f in ../shared/data/ud-nl/*.conllu; do
    [ -f "$f" ] && grep '^# text = ' "$f" | sed 's/^# text = //' >> "$seed"
  done
  if [ ! -s "$seed" ]; then
    find Corpus -name '*.txt' | sort | xargs cat | sed -e 's/⟦//g' -e 's/|[a-z]*⟧//g' > "$seed"
  fi
fi
repeat_to() { # FILE MB
  [ -s "$1" ] && return
  : > "$1"
  while [ "$(stat -c %s "$1")" -lt $(($2 * 1000000)) ]; do cat "$seed" >> "$1"; echo >> "$1"; done
}
for size in 1 10 100; do repeat_to "$work/prose-${size}mb.txt" "$size"; done
letters="$work/letters-$letters_count"
if [ ! -d "$letters" ]; then
  mkdir -p "$letters"
  repeat_to "$work/prose-letters.txt" $((letters_count * 5 / 1000 + 1))
  split -C 5000 -d -a 6 "$work/prose-letters.txt" "$letters/brief-"
  ls "$letters" | sort | tail -n +$((letters_count + 1)) | while read -r f; do rm "$letters/$f"; done
  for f in "$letters"/brief-*; do mv "$f" "$f.txt"; done
fi
# The same letters split in two halves (hard links), for the machine's own ceiling on two cores: two
# separate one-job processes at once share nothing, so --jobs 2 cannot beat them.
for half in a b; do
  if [ ! -d "$letters-half-$half" ]; then
    rm -rf "$letters-half-$half.new" && mkdir -p "$letters-half-$half.new"
    if [ $half = a ]; then lines="1,$((letters_count / 2))p"; else lines="$((letters_count / 2 + 1)),\$p"; fi
    ls "$letters" | sort | sed -n "$lines" | while read -r f; do ln "$letters/$f" "$letters-half-$half.new/$f"; done
    mv "$letters-half-$half.new" "$letters-half-$half"
  fi
done
two_processes() { # the two halves, one job each, at the same time
  "$helder" check "$letters-half-a" --format json --jobs 1 --fail-on never >/dev/null 2>&1 &
  "$helder" check "$letters-half-b" --format json --jobs 1 --fail-on never >/dev/null 2>&1
  wait
}
one="$work/one-letter.txt"
head -c 2000 "$seed" > "$one"

best() { # RUNS COMMAND...: the shortest wall time in seconds
  local n=$1 best="" start end t; shift
  for _ in $(seq "$n"); do
    start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N)
    t=$(python3 -c "print($end-$start)")
    best=$(python3 -c "print(min(float('$t'), float('${best:-inf}')))")
  done
  echo "$best"
}
icu_best() { # FILE: ICU's own iteration time, best of RUNS
  local best=""
  for _ in $(seq "$runs"); do
    t=$("$work/icu-wordbreak" "$1" 2>&1 | sed 's/.* in \([0-9.]*\) s/\1/')
    best=$(python3 -c "print(min(float('$t'), float('${best:-inf}')))")
  done
  echo "$best"
}
mb() { python3 -c "print($(stat -c %s "$1")/1e6)"; }
rss() { # COMMAND...: peak resident memory in MB
  /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1 | python3 -c "import sys; print(round(int(sys.stdin.read())/1024))"
}

ten="$work/prose-10mb.txt"
# ICU and the 10 MB check take turns (best of RATIO_RUNS each, default 11), so a slow spell of this
# shared machine hits both alike and the ratio between them holds.
icu=""; check10=""
for _ in $(seq "${RATIO_RUNS:-11}"); do
  i=$(runs=1 icu_best "$ten")
  c=$(best 1 "$helder" check "$ten" --format json --fail-on never)
  icu=$(python3 -c "print(min(float('$i'), float('${icu:-inf}')))")
  check10=$(python3 -c "print(min(float('$c'), float('${check10:-inf}')))")
done
tok=$(best "$runs" "$helder" tokenize "$ten" --format tsv)
# The same 10 MB on one line (an export without line ends): whatever walks a line must stay linear.
oneline="$work/prose-10mb-one-line.txt"
[ -s "$oneline" ] || tr '\n' ' ' < "$ten" > "$oneline"
checkLine=$(best "$runs" "$helder" check "$oneline" --format json --fail-on never)
check1=$(best "$runs" "$helder" check "$work/prose-1mb.txt" --format json --fail-on never)
# Twice: one run of the 100 MB file alone gave 9.1-11.6 times the 10 MB time, by the spell it ran in.
check100=$(best 2 "$helder" check "$work/prose-100mb.txt" --format json --fail-on never)
# One and two jobs take turns, so a slow spell of this shared machine hits both alike. Two jobs need
# both cores quiet at once, so a short series mostly catches them in a worse spell than one job: seven
# turns by default, and each turn's own ratio is printed too.
lettersJ1=""; lettersJ2=""; lettersTwo=""; roundRatios=""
for _ in $(seq "${LETTER_RUNS:-7}"); do
  t1=$(best 1 "$helder" check "$letters" --format json --jobs 1 --fail-on never)
  t2=$(best 1 "$helder" check "$letters" --format json --jobs 2 --fail-on never)
  tt=$(best 1 two_processes)
  lettersJ1=$(python3 -c "print(min(float('$t1'), float('${lettersJ1:-inf}')))")
  lettersJ2=$(python3 -c "print(min(float('$t2'), float('${lettersJ2:-inf}')))")
  lettersTwo=$(python3 -c "print(min(float('$tt'), float('${lettersTwo:-inf}')))")
  roundRatios="$roundRatios $(python3 -c "print(round($t1 / $t2, 2))")"
done
single=$(best 15 "$helder" check "$one" --format json --fail-on never)
rss100=$(rss "$helder" check "$work/prose-100mb.txt" --format json --fail-on never)
rssLetters=$(rss "$helder" check "$letters" --format json --jobs 2 --fail-on never)
lettersMB=$(du -sb "$letters" | cut -f1 | python3 -c "import sys; print(int(sys.stdin.read())/1e6)")
ucto=""
if command -v ucto >/dev/null; then
  ucto=$(best 1 ucto -L nld -n "$work/prose-1mb.txt" /dev/null)
fi
big=""
if [ "${BIG:-0}" = 1 ]; then
  repeat_to "$work/prose-200mb.txt" 200
  gig="$work/letters-gigabyte"
  if [ ! -d "$gig" ]; then
    mkdir -p "$gig"
    for i in $(seq 10); do cp -r "$letters" "$gig/map-$i"; done
  fi
  big="$(rss "$helder" check "$work/prose-200mb.txt" --format json --fail-on never) $(rss "$helder" check "$gig" --format json --fail-on never) $(du -sb "$gig" | cut -f1)"
fi

python3 - "$(mb "$ten")" "$icu" "$tok" "$check1" "$check10" "$check100" "$lettersJ1" "$lettersJ2" "$single" \
  "$rss100" "$rssLetters" "$lettersMB" "$letters_count" "$ucto" "$(mb "$work/prose-1mb.txt")" "$(mb "$work/prose-100mb.txt")" "$big" "$lettersTwo" \
  "$checkLine" "$roundRatios" <<'PY'
import sys
a = sys.argv[1:]
ten, icu, tok, c1, c10, c100, l1, l2, single = map(float, a[:9])
rss100, rssLetters, lettersMB, count = int(a[9]), int(a[10]), float(a[11]), int(a[12])
ucto = float(a[13]) if a[13] else None
one, hundred = float(a[14]), float(a[15])
icuRate = ten / icu
print("| what | seconds | MB/s | ratio |")
print("|---|---|---|---|")
print(f"| raw ICU word break, 10 MB (C, no output) | {icu:.3f} | {icuRate:.1f} | 1.00 × ICU |")
print(f"| helder tokenize --format tsv, 10 MB | {tok:.3f} | {ten/tok:.1f} | {ten/tok/icuRate:.2f} × ICU |")
print(f"| helder check, one 1 MB file | {c1:.3f} | {one/c1:.1f} | {one/c1/icuRate:.2f} × ICU |")
print(f"| helder check, one 10 MB file | {c10:.3f} | {ten/c10:.1f} | {ten/c10/icuRate:.2f} × ICU (target 1.0) |")
line = float(a[18])
print(f"| helder check, the 10 MB file on one line | {line:.3f} | {ten/line:.1f} | {ten/line/icuRate:.2f} × ICU; {line/c10:.2f}× the time with line ends |")
print(f"| helder check, one 100 MB file | {c100:.3f} | {hundred/c100:.1f} | {hundred/c100/icuRate:.2f} × ICU; 10× input = {c100/c10:.1f}× time |")
print(f"| helder check --jobs 1, {count:,} letters ({lettersMB:.0f} MB) | {l1:.3f} | {lettersMB/l1:.1f} | |")
turns = sorted(float(r) for r in a[19].split())
print(f"| helder check --jobs 2, {count:,} letters ({lettersMB:.0f} MB) | {l2:.3f} | {lettersMB/l2:.1f} | {l1/l2:.2f} × jobs 1 (target 1.8; turn by turn {turns[0]:.2f}-{turns[-1]:.2f}, median {turns[len(turns) // 2]:.2f}) |")
two = float(a[17])
print(f"| two --jobs 1 processes at once, half the letters each (this machine's ceiling) | {two:.3f} | {lettersMB/two:.1f} | {l1/two:.2f} × jobs 1 |")
print(f"| one 2 KB letter, whole process | {single*1000:.1f} ms | | (target 20 ms) |")
if ucto:
    print(f"| ucto -L nld -n, 1 MB | {ucto:.3f} | {one/ucto:.2f} | tokenize = {ten/tok/(one/ucto):.0f} × ucto (target 100) |")
print()
print(f"Peak memory: one 100 MB file {rss100} MB; {count:,} letters with 2 jobs {rssLetters} MB (target: under 150 MB).")
if a[16]:
    r200, rgig, gigBytes = a[16].split()
    print(f"Peak memory: one 200 MB file {r200} MB; a folder of {int(gigBytes)/1e9:.2f} GB of letters {rgig} MB.")
PY
