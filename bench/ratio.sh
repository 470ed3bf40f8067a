#!/usr/bin/env bash
# Our behaviour-cloning step against the PyTorch anchor, interleaved: ours, anchor, ours, anchor, … (PAIRS pairs,
# default 5), each a fresh process timing STEPS steps (default 1000) after 100 warm-up steps, one torch thread on both
# sides. Prints each pair and the median of the per-pair ratios ours / PyTorch (below 1: ours is faster).
#
#   bash bench/ratio.sh [PAIRS] [STEPS]
#
# Needs the .NET SDK and Debian's PyTorch (apt-get install python3-torch), run with /usr/bin/python3 (PYTHON overrides).
# What both sides time: bench/Aim.Benchmarks/BcStep.cs and bench/anchor/pytorch_cnn_step.py.
set -euo pipefail

pairs=${1:-5}
steps=${2:-1000}
python=${PYTHON:-/usr/bin/python3}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

if (( pairs < 1 )); then
  echo "ratio.sh: PAIRS must be at least 1" >&2
  exit 2
fi

# Build once, then run the built program: `dotnet run` would check the build inside every timed pair.
dotnet build "$root/bench/Aim.Benchmarks" -c Release --nologo -v quiet > /dev/null
ours_dll="$root/bench/Aim.Benchmarks/bin/Release/net10.0/Aim.Benchmarks.dll"

ms_of() { sed -n 's/^ms\/step \([0-9.]*\).*/\1/p' <<< "$1"; }

ratios=()
for ((i = 1; i <= pairs; i++)); do
  ours_line=$(dotnet "$ours_dll" step-time "$steps")
  anchor_line=$("$python" "$root/bench/anchor/pytorch_cnn_step.py" "$steps")
  ours=$(ms_of "$ours_line")
  anchor=$(ms_of "$anchor_line")
  if [[ -z "$ours" || -z "$anchor" ]]; then
    echo "ratio.sh: could not read a time from: '$ours_line' / '$anchor_line'" >&2
    exit 1
  fi
  ratio=$(awk -v a="$ours" -v b="$anchor" 'BEGIN { printf "%.3f", a / b }')
  ratios+=("$ratio")
  printf 'pair %d: ours %s ms/step, pytorch %s ms/step, ratio %s\n' "$i" "$ours" "$anchor" "$ratio"
done

median=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
echo "median ratio ours/pytorch: $median ($pairs pairs, $steps steps each; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
