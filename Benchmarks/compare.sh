#!/usr/bin/env bash
# Times, in ONE run on this machine: raw ICU word iteration, `helder tokenize`, `helder check` on 1 and
# 2 jobs, and ucto when installed, over the same deterministic Dutch corpus. Prints MB/s and ratios.
#   Benchmarks/compare.sh [SIZE_MB]   (default 10; run from the package root or anywhere)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
size=${1:-10}
work=${HELDER_BENCH_DIR:-/tmp/helder-bench}
mkdir -p "$work"
cd "$root"
swift build -c release --product helder >/dev/null
helder=$root/.build/release/helder
cc -O2 -o "$work/icu-wordbreak" Benchmarks/tools/icu-wordbreak.c $(pkg-config --cflags --libs icu-uc icu-i18n)

# A deterministic corpus: the Corpus documents (marks removed) and, when present, UD Dutch dev text.
seed="$work/seed.txt"
if [ ! -s "$seed" ]; then
  find Corpus -name '*.txt' | sort | xargs cat | sed -e 's/⟦//g' -e 's/|[a-z]*⟧//g' > "$seed"
  for f in ../shared/data/ud-nl/*.conllu; do
    [ -f "$f" ] && grep '^# text = ' "$f" | sed 's/^# text = //' >> "$seed"
  done
fi
input="$work/corpus-${size}mb.txt"
if [ ! -s "$input" ]; then
  : > "$input"
  while [ "$(stat -c %s "$input")" -lt $((size * 1000000)) ]; do cat "$seed" >> "$input"; echo >> "$input"; done
fi
letters="$work/letters"
if [ ! -d "$letters" ]; then
  mkdir -p "$letters"
  split -C 5000 -d -a 5 "$input" "$letters/brief-"
  for f in "$letters"/brief-*; do mv "$f" "$f.txt"; done
fi
bytes=$(stat -c %s "$input")
mb=$(python3 -c "print($bytes/1e6)")

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N); python3 -c "print($end-$start)"; }

icu=$("$work/icu-wordbreak" "$input" 2>&1 | sed 's/.* in \([0-9.]*\) s/\1/')
tok=$(seconds "$helder" tokenize "$input" --format tsv)
check1=$(seconds "$helder" check "$input" --format json --jobs 1 --fail-on never)
lettersJ1=$(seconds "$helder" check "$letters" --format json --jobs 1 --fail-on never)
lettersJ2=$(seconds "$helder" check "$letters" --format json --jobs 2 --fail-on never)
one=$(mktemp --suffix .txt); head -c 2000 "$seed" > "$one"
single=$(seconds "$helder" check "$one" --format json --fail-on never)
ucto=""
if command -v ucto >/dev/null; then
  small="$work/ucto-input.txt"; head -c 1000000 "$input" > "$small"
  ucto=$(seconds ucto -L nld -n "$small" /dev/null)
fi
python3 - "$mb" "$icu" "$tok" "$check1" "$lettersJ1" "$lettersJ2" "$single" "$ucto" <<'PY'
import sys
mb, icu, tok, check1, l1, l2, single = map(float, sys.argv[1:8])
ucto = float(sys.argv[8]) if sys.argv[8] else None
rate = lambda s: mb / s if s > 0 else float('inf')
print(f"| what | seconds | MB/s | ratio |")
print(f"|---|---|---|---|")
print(f"| raw ICU word break (C, no output) | {icu:.3f} | {rate(icu):.1f} | 1.00 × ICU |")
print(f"| helder tokenize --format tsv | {tok:.3f} | {rate(tok):.1f} | {rate(tok)/rate(icu):.2f} × ICU |")
print(f"| helder check --jobs 1 (one {mb:.0f} MB file) | {check1:.3f} | {rate(check1):.1f} | {rate(check1)/rate(icu):.2f} × ICU |")
print(f"| helder check --jobs 1 (5 KB letters) | {l1:.3f} | {rate(l1):.1f} | |")
print(f"| helder check --jobs 2 (5 KB letters) | {l2:.3f} | {rate(l2):.1f} | {l1/l2:.2f} × jobs 1 |")
print(f"| one 2 KB letter, whole process | {single*1000:.1f} ms | | |")
if ucto:
    print(f"| ucto -L nld -n (1 MB) | {ucto:.3f} | {1/ucto:.2f} | tokenize = {rate(tok)/(1/ucto):.0f} × ucto |")
PY
