#!/usr/bin/env bash
# Executes notebooks headless and checks them.
#   usage: scripts/run-notebooks.sh [notebooks/NN-name.ipynb ...]     (default: every notebooks/*.ipynb)
# For each notebook:
#   - the committed file must carry no outputs (every code cell: "outputs": [] and "execution_count": null);
#   - it runs with dotnet-repl (local tool) from the notebook's folder; any failing cell fails the run;
#   - the executed copy is written to artifacts/notebooks/NAME.ipynb and converted to NAME.html (jupyter nbconvert);
#   - headless Chromium loads the HTML and counts the charts that plotly.js drew; a notebook with chart cells that
#     draws none fails.
# Fast mode (AIM_FAST=1) is on unless the caller sets AIM_FAST. Without jupyter-nbconvert or Chromium the HTML and
# chart checks are skipped with a warning, unless AIM_REQUIRE_RENDER_CHECK=1 (continuous integration) makes them
# mandatory. CHROMIUM may name the browser binary.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export AIM_FAST=${AIM_FAST:-1}
require_render=${AIM_REQUIRE_RENDER_CHECK:-0}
out="$root/artifacts/notebooks"

if (($# > 0)); then
    notebooks=("$@")
else
    shopt -s nullglob
    notebooks=(notebooks/*.ipynb)
    shopt -u nullglob
fi
((${#notebooks[@]} > 0)) || { echo "run-notebooks: no notebooks found" >&2; exit 1; }

bash "$root/scripts/setup-notebooks.sh"
mkdir -p "$out"   # dotnet-repl aborts when the output folder is missing

nbconvert=()
if command -v jupyter-nbconvert >/dev/null 2>&1; then
    nbconvert=(jupyter-nbconvert)
elif command -v jupyter >/dev/null 2>&1 && jupyter nbconvert --version >/dev/null 2>&1; then
    nbconvert=(jupyter nbconvert)
fi
browser=${CHROMIUM:-}
if [[ -z "$browser" ]]; then
    for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
        if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
    done
fi
if ((${#nbconvert[@]} == 0)) || [[ -z "$browser" ]]; then
    missing=$( ((${#nbconvert[@]} == 0)) && printf 'jupyter-nbconvert ' ; [[ -z "$browser" ]] && printf 'chromium' ; true)
    if [[ "$require_render" == 1 ]]; then
        echo "run-notebooks: missing $missing (needed for the HTML and chart checks)" >&2
        exit 1
    fi
    echo "run-notebooks: warning: $missing not found; HTML export and chart check skipped"
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

failed=()
summary=()
for nb in "${notebooks[@]}"; do
    [[ -f "$nb" ]] || { echo "run-notebooks: $nb not found" >&2; failed+=("$nb"); continue; }
    nb=$(cd "$(dirname "$nb")" && pwd)/$(basename "$nb")
    name=$(basename "$nb" .ipynb)
    if ! check_stripped "$nb"; then failed+=("$name"); continue; fi

    echo "run-notebooks: $name: executing (AIM_FAST=$AIM_FAST)"
    start=$SECONDS
    rm -f "$out/$name.ipynb" "$out/$name.html"
    if ! (cd "$(dirname "$nb")" && timeout 1200 dotnet repl --run "$nb" --exit-after-run --output-path "$out/$name.ipynb"); then
        echo "run-notebooks: $name: FAILED (a cell failed or the kernel exited; see $out/$name.ipynb)" >&2
        failed+=("$name")
        continue
    fi
    line="$name: executed in $((SECONDS - start)) s"

    if ((${#nbconvert[@]} > 0)) && [[ -n "$browser" ]]; then
        "${nbconvert[@]}" --to html --output-dir "$out" "$out/$name.ipynb" >/dev/null 2>&1 \
            || { echo "run-notebooks: $name: HTML export failed" >&2; failed+=("$name"); continue; }
        charts=$(count_charts "$out/$name.html")
        expected=$(grep -cE 'Chart\.[A-Z]' "$nb" || true)
        line="$line, $charts chart(s) drawn"
        if ((expected > 0 && charts == 0)); then
            echo "run-notebooks: $name: FAILED: the notebook has chart cells but no chart was drawn in $out/$name.html" >&2
            failed+=("$name")
            continue
        fi
    fi
    summary+=("$line")
done

echo
echo "run-notebooks: executed notebooks and HTML are in $out"
for line in "${summary[@]}"; do echo "  $line"; done
if ((${#failed[@]} > 0)); then
    echo "run-notebooks: FAILED: ${failed[*]}" >&2
    exit 1
fi
echo "run-notebooks: all ${#notebooks[@]} notebook(s) passed"
