#!/usr/bin/env bash
# Executes notebooks headless through Jupyter and checks them.
#   usage: scripts/run-notebooks.sh [notebooks/NN-name.ipynb ...]     (default: every notebooks/*.ipynb)
# For each notebook:
#   - the committed file must carry no outputs (every code cell: "outputs": [] and "execution_count": null);
#   - Jupyter executes it (jupyter nbconvert --execute, a real Jupyter client) with the .NET (C#) kernel that the pinned
#     local tool registers (dotnet interactive jupyter install, done here when the kernel is missing), from the
#     notebook's folder; any failing cell fails the run;
#   - the executed copy is written to artifacts/notebooks/NAME.ipynb and converted to NAME.html;
#   - headless Chromium loads the HTML and counts the charts that plotly.js drew; a notebook with chart cells that
#     draws none fails.
# Two notebooks run at a time (AIM_NOTEBOOK_JOBS sets how many): a kernel spends its start-up waiting, and a notebook's
# torch work takes one thread. Fast mode (AIM_FAST=1) is on unless the caller sets AIM_FAST. Needs Debian's (or
# Ubuntu's) jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel. Without Chromium the chart check is
# skipped with a warning, unless AIM_REQUIRE_RENDER_CHECK=1 (continuous integration) makes it mandatory. CHROMIUM may
# name the browser binary.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export AIM_FAST=${AIM_FAST:-1}
require_render=${AIM_REQUIRE_RENDER_CHECK:-0}
jobs=${AIM_NOTEBOOK_JOBS:-2}
kernel=.net-csharp
out="$root/artifacts/notebooks"

[[ "$jobs" =~ ^[1-9][0-9]*$ ]] || { echo "run-notebooks: AIM_NOTEBOOK_JOBS=$jobs; expected a whole number of at least 1" >&2; exit 2; }

if (($# > 0)); then
    notebooks=("$@")
else
    shopt -s nullglob
    notebooks=(notebooks/*.ipynb)
    shopt -u nullglob
fi
((${#notebooks[@]} > 0)) || { echo "run-notebooks: no notebooks found" >&2; exit 1; }

for tool in jupyter-nbconvert jupyter-kernelspec; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "run-notebooks: $tool not found; install Jupyter's client: apt-get install jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel" >&2
        exit 1
    fi
done

bash "$root/scripts/setup-notebooks.sh"
mkdir -p "$out"

# The kernel Jupyter starts is `dotnet interactive jupyter …` in the notebook's folder, which resolves to the local
# tool pinned in .config/dotnet-tools.json; registering it once is enough.
if ! jupyter-kernelspec list 2>/dev/null | grep -q "^ *$kernel "; then
    echo "run-notebooks: registering the $kernel kernel (dotnet interactive jupyter install)"
    mkdir -p "${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter}/kernels"
    dotnet interactive jupyter install >/dev/null
fi

browser=${CHROMIUM:-}
if [[ -z "$browser" ]]; then
    for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
        if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
    done
fi
if [[ -z "$browser" ]]; then
    if [[ "$require_render" == 1 ]]; then
        echo "run-notebooks: chromium not found (needed for the chart check)" >&2
        exit 1
    fi
    echo "run-notebooks: warning: chromium not found; chart check skipped"
fi

# Counts the charts plotly.js actually drew in an HTML file.
count_charts() {
    local profile
    profile=$(mktemp -d)
    timeout 180 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
        --disable-sync --no-first-run --user-data-dir="$profile" --virtual-time-budget=10000 \
        --dump-dom "file://$1" 2>/dev/null | grep -o 'class="plot-container plotly"' | wc -l || true
    rm -rf "$profile"
}

# The committed notebook must be stripped: no outputs, no execution counts.
check_stripped() {
    local nb=$1 code outputs counts
    code=$(grep -cE '"cell_type": *"code"' "$nb" || true)
    outputs=$(grep -cE '"outputs": *\[\]' "$nb" || true)
    counts=$(grep -cE '"execution_count": *null' "$nb" || true)
    if [[ "$code" != "$outputs" || "$code" != "$counts" ]] || grep -q '"output_type"' "$nb"; then
        echo "run-notebooks: $nb carries outputs or execution counts ($code code cells, $outputs empty outputs, $counts null counts); clear them before committing" >&2
        return 1
    fi
}

# Executes one notebook and checks it; prints one summary line last. Exit code 0 when it passed.
run_notebook() {
    local nb=$1 name start charts expected line
    name=$(basename "$nb" .ipynb)
    check_stripped "$nb" || return 1
    echo "run-notebooks: $name: executing in Jupyter (kernel $kernel, AIM_FAST=$AIM_FAST)"
    start=$SECONDS
    rm -f "$out/$name.ipynb" "$out/$name.html"
    if ! (cd "$(dirname "$nb")" && timeout 1200 jupyter-nbconvert --to notebook --execute \
        --ExecutePreprocessor.kernel_name="$kernel" --ExecutePreprocessor.timeout=1200 \
        --ExecutePreprocessor.shutdown_kernel=immediate --output-dir "$out" "$nb" 2>&1); then
        echo "run-notebooks: $name: FAILED (a cell failed or the kernel exited; the failing cell is above)"
        return 1
    fi
    line="$name: executed in $((SECONDS - start)) s"
    jupyter-nbconvert --to html --output-dir "$out" "$out/$name.ipynb" >/dev/null 2>&1 \
        || { echo "run-notebooks: $name: HTML export failed"; return 1; }
    if [[ -n "$browser" ]]; then
        charts=$(count_charts "$out/$name.html")
        expected=$(grep -cE 'Chart\.[A-Z]' "$nb" || true)
        line="$line, $charts chart(s) drawn"
        if ((expected > 0 && charts == 0)); then
            echo "run-notebooks: $name: FAILED: the notebook has chart cells but no chart was drawn in $out/$name.html"
            return 1
        fi
    fi
    echo "  $line"
}

# Lane i runs notebooks i, i + jobs, i + 2·jobs, … one after another. Each lane gives the registered kernel its own
# share of the kernel's HTTP port range: two kernels starting at once would both pick the range's first free port.
run_lane() {
    local lane=$1 spec_dir=$2 first last width i
    shift 2
    mkdir -p "$logs/lane$lane/kernels"
    cp -r "$spec_dir" "$logs/lane$lane/kernels/$kernel"
    read -r first last < <(sed -n 's/.*"\([0-9]\+\)-\([0-9]\+\)".*/\1 \2/p' "$spec_dir/kernel.json" | head -n 1)
    if [[ -n "$first" ]]; then
        width=$(((last - first + 1) / jobs))
        sed -i "s/\"$first-$last\"/\"$((first + lane * width))-$((first + (lane + 1) * width - 1))\"/" \
            "$logs/lane$lane/kernels/$kernel/kernel.json"
    fi
    for ((i = lane; i < ${#notebooks[@]}; i += jobs)); do
        local nb=${notebooks[i]} name
        name=$(basename "$nb" .ipynb)
        if JUPYTER_PATH="$logs/lane$lane" run_notebook "$nb" >"$logs/$name.log" 2>&1; then touch "$logs/$name.ok"; fi
    done
}

names=()
for i in "${!notebooks[@]}"; do
    nb=${notebooks[i]}
    [[ -f "$nb" ]] || { echo "run-notebooks: $nb not found" >&2; exit 1; }
    notebooks[i]=$(cd "$(dirname "$nb")" && pwd)/$(basename "$nb")
    names+=("$(basename "$nb" .ipynb)")
done
spec_dir=$(jupyter-kernelspec list 2>/dev/null | awk -v k="$kernel" '$1 == k { print $2 }')
[[ -f "$spec_dir/kernel.json" ]] || { echo "run-notebooks: the $kernel kernel is not registered (jupyter-kernelspec list)" >&2; exit 1; }
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
for ((lane = 0; lane < jobs && lane < ${#notebooks[@]}; lane++)); do
    run_lane "$lane" "$spec_dir" &
done
wait

failed=()
summary=()
for name in "${names[@]}"; do
    if [[ -f "$logs/$name.ok" ]]; then
        summary+=("$(tail -n 1 "$logs/$name.log")")
    else
        cat "$logs/$name.log" >&2
        failed+=("$name")
    fi
done

echo
echo "run-notebooks: executed notebooks and HTML are in $out"
for line in "${summary[@]}"; do echo "$line"; done
if ((${#failed[@]} > 0)); then
    echo "run-notebooks: FAILED: ${failed[*]}" >&2
    exit 1
fi
echo "run-notebooks: all ${#notebooks[@]} notebook(s) passed"
