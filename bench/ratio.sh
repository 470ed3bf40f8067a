#!/usr/bin/env bash
# Our behaviour-cloning step against the PyTorch anchor, interleaved: ours, anchor, ours, anchor, … (PAIRS pairs,
# default 5), each a fresh process timing STEPS steps (default 1000) after 100 warm-up steps, one torch thread on both
# sides. Prints each pair and the median of the per-pair ratios ours / PyTorch (below 1: ours is faster), of wall-clock
# time per step (what a user waits for) and of process CPU time per step (steadier when other work shares the cores).
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
cpu_of() { sed -n 's/^ms\/step [0-9.]* cpu \([0-9.]*\).*/\1/p' <<< "$1"; }
ratio_of() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
median_of() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

ratios=()
cpu_ratios=()
for ((i = 1; i <= pairs; i++)); do
  ours_line=$(dotnet "$ours_dll" step-time "$steps")
  anchor_line=$("$python" "$root/bench/anchor/pytorch_cnn_step.py" "$steps")
  ours=$(ms_of "$ours_line")
  anchor=$(ms_of "$anchor_line")
  ours_cpu=$(cpu_of "$ours_line")
  anchor_cpu=$(cpu_of "$anchor_line")
  if [[ -z "$ours" || -z "$anchor" || -z "$ours_cpu" || -z "$anchor_cpu" ]]; then
    echo "ratio.sh: could not read the times from: '$ours_line' / '$anchor_line'" >&2
    exit 1
  fi
  ratios+=("$(ratio_of "$ours" "$anchor")")
  cpu_ratios+=("$(ratio_of "$ours_cpu" "$anchor_cpu")")
  printf 'pair %d: ours %s ms/step (cpu %s), pytorch %s ms/step (cpu %s), ratio %s (cpu %s)\n' \
    "$i" "$ours" "$ours_cpu" "$anchor" "$anchor_cpu" "${ratios[-1]}" "${cpu_ratios[-1]}"
done

echo "median ratio ours/pytorch: $(median_of "${ratios[@]}") wall-clock, $(median_of "${cpu_ratios[@]}") cpu" \
  "($pairs pairs, $steps steps each; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
