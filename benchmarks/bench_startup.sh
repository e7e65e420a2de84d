#!/usr/bin/env bash
# Start-up of whole processes: de-an06 commands against `python -c "import attrs, cattrs"`.
#
#   benchmarks/bench_startup.sh [ROUNDS] [VENV] [BEFORE_SRC]   # defaults: 21 rounds, .venv
#
# With BEFORE_SRC (the src/ folder of an earlier checkout, e.g. from `git archive`), the
# three commands also run with that library first on PYTHONPATH, in the same rounds, so
# "before" and "after" are interleaved too.
#
# Each round runs every command once, in turn (interleaved), timed by bash itself
# ($EPOCHREALTIME, no extra process per run), so both sides pay the same process start.
# Two modes, both reported:
#   cached   byte-code as installed (.pyc files written by earlier runs);
#   no-pyc   PYTHONPYCACHEPREFIX set to an empty directory and PYTHONDONTWRITEBYTECODE=1:
#            every module — the standard library, attrs and cattrs included — is compiled
#            on every run, on both sides.
# Prints the median per command and its ratio to the baseline's median (goal ≤ 2×, #18).
set -euo pipefail
rounds=${1:-21}
venv=${2:-.venv}
before=${3:-}
py="$venv/bin/python"
cli="$venv/bin/de-an06"
empty=$(mktemp -d)
trap 'rm -rf "$empty"' EXIT

names=("python -c 'import attrs, cattrs' (baseline)" "de-an06 summary" "de-an06 tasks"
    "de-an06 report --as-of 2024-06-30")
if [[ -n $before ]]; then
    names+=("before: de-an06 summary" "before: de-an06 tasks"
        "before: de-an06 report --as-of 2024-06-30")
fi
run() {
    if (($1 > 3)); then
        PYTHONPATH=$before run $(($1 - 3))
        return
    fi
    case $1 in
    0) "$py" -c "import attrs, cattrs" ;;
    1) "$cli" summary ;;
    2) "$cli" tasks ;;
    3) "$cli" report --as-of 2024-06-30 ;;
    esac
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

for mode in cached no-pyc; do
    declare -A times=()
    for ((r = -1; r < rounds; r++)); do # round -1 warms the file cache and the .pyc files
        for i in "${!names[@]}"; do
            if [[ $mode == no-pyc ]]; then
                export PYTHONPYCACHEPREFIX=$empty PYTHONDONTWRITEBYTECODE=1
            fi
            start=$EPOCHREALTIME
            run "$i" >/dev/null
            end=$EPOCHREALTIME
            unset PYTHONPYCACHEPREFIX PYTHONDONTWRITEBYTECODE
            if ((r >= 0)); then
                times[$i]+="$(awk -v a="$start" -v b="$end" 'BEGIN {print (b - a) * 1000}') "
            fi
        done
    done
    echo "## $mode ($rounds rounds, medians)"
    base=$(echo "${times[0]}" | tr ' ' '\n' | grep . | median)
    for i in "${!names[@]}"; do
        m=$(echo "${times[$i]}" | tr ' ' '\n' | grep . | median)
        awk -v n="${names[$i]}" -v m="$m" -v b="$base" \
            'BEGIN {printf "%-45s %8.1f ms %6.2f×\n", n, m, m / b}'
    done
    unset times
done
