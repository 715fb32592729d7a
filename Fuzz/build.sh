#!/usr/bin/env bash
# Builds the fuzz targets: generates the embedded lexicons with the main package's compiler, then builds
# this package in release mode with libFuzzer and AddressSanitizer.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/.."
swift build -c release --product helder-lexicon-compiler >/dev/null
compiler=$(swift build -c release --show-bin-path)/helder-lexicon-compiler
"$compiler" "$here/Sources/HelderFuzzed/EmbeddedLexicons.swift" "$PWD/Lexicons" $(find "$PWD/Lexicons" -name '*.yml' | sort)
cd "$here"
swift build -c release
