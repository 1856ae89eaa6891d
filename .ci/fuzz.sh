#!/usr/bin/env bash
# Runs every cargo-fuzz target for a short time; exits non-zero on a crash.
#
#   .ci/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# SECONDS_PER_TARGET defaults to 20 (or $FUZZ_SECONDS); TARGETs default to
# all of `cargo fuzz list`. A crash leaves its input in
# fuzz/artifacts/TARGET/ and prints the `cargo fuzz run TARGET FILE` line to
# reproduce it; turn it into a regression test in tests/properties.rs.
#
# Toolchain: cargo-fuzz needs nightly-only rustc flags (-Zsanitizer,
# -Cpasses=sancov-module). This machine and CI have stable Rust only, so we
# set RUSTC_BOOTSTRAP=1, which lets stable rustc accept them. It applies to
# the fuzz build only (fuzz/ is its own workspace; `cargo test` at the root
# never builds it).
#
# Environment: CARGO_TARGET_DIR is honoured; FUZZ_SANITIZER (default
# address; `none` builds faster); FUZZ_JOBS parallel jobs per target
# (default 1); FUZZ_MAX_LEN input size cap in bytes (default 4096).
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
export CARGO_TERM_COLOR=never
export RUSTC_BOOTSTRAP=1

seconds="${1:-${FUZZ_SECONDS:-20}}"
shift || true
sanitizer="${FUZZ_SANITIZER:-address}"
jobs="${FUZZ_JOBS:-1}"
max_len="${FUZZ_MAX_LEN:-4096}"

command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz

if [ "$#" -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(cargo fuzz list)
fi

echo "== cargo fuzz build (${targets[*]})"
cargo fuzz build -O -s "$sanitizer"

failed=()
for t in "${targets[@]}"; do
    echo "== fuzz $t for ${seconds}s"
    mkdir -p "corpus/$t"
    # Seed from the repository's own articles on first run.
    if [ -z "$(ls -A "corpus/$t")" ]; then
        case "$t" in
            load_html) seeds=(../tests/fixtures/*.html) ;;
            load_markdown) seeds=(../tests/fixtures/*.md) ;;
            *) seeds=(../assets/seed.txt ../tests/fixtures/*.txt) ;;
        esac
        for s in "${seeds[@]}"; do
            [ -f "$s" ] && head -c "$max_len" "$s" >"corpus/$t/$(basename "$s")"
        done
    fi
    extra=()
    if [ "$jobs" -gt 1 ]; then
        extra=(-jobs="$jobs" -workers="$jobs")
    fi
    if ! cargo fuzz run -O -s "$sanitizer" "$t" "corpus/$t" -- \
        -max_total_time="$seconds" -max_len="$max_len" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 "${extra[@]}"; then
        failed+=("$t")
    fi
done

if [ "${#failed[@]}" -gt 0 ]; then
    echo "fuzz: crashes in: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
    exit 1
fi
echo "fuzz: no crashes"
