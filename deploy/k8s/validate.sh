#!/usr/bin/env bash
# Checks the Kubernetes manifests here (default: deploy/k8s/*.yaml) against the Kubernetes API schema, offline (no
# cluster, no image pulls):
#   - the validators of kubernetes-models (npm, MIT), which are generated from the Kubernetes OpenAPI schema: types,
#     formats, enums and required fields of every object;
#   - TypeScript's excess-property check on the same package's interfaces: a misspelt or misplaced field is an error
#     (the OpenAPI validators let unknown fields through, as the API server's non-strict decoding would).
#   usage: bash deploy/k8s/validate.sh [file.yaml ...]        needs node and npm (the npm registry reachable)
# The packages go to a temporary folder, not into the repository.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if (($# > 0)); then
    files=()
    for f in "$@"; do files+=("$(realpath "$f")"); done
else
    files=("$root"/deploy/k8s/*.yaml)
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "validate: node and npm are needed (apt-get install nodejs npm)" >&2
    exit 2
fi

work=$(mktemp -d /tmp/aim-k8s-validate.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
# Pinned: a new kubernetes-models follows a new Kubernetes release, and its schema may then differ.
echo '{ "name": "aim-k8s-validate", "private": true, "type": "module" }' >package.json
npm install --no-audit --no-fund --loglevel=error --engine-strict=false \
    kubernetes-models@5.1.0 yaml@2.8.1 typescript@5.9.3 >/dev/null

cat >validate.mjs <<'EOF'
// For each YAML document: the kubernetes-models class of its apiVersion and kind validates it, and a TypeScript
// declaration of the document as that class's interface goes to check.ts for the excess-property check.
import { readFileSync, writeFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

let failed = 0;
const declarations = [];
for (const file of process.argv.slice(2)) {
  const documents = parseAllDocuments(readFileSync(file, "utf8"));
  for (const [i, document] of documents.entries()) {
    const where = `${file} (document ${i + 1})`;
    if (document.errors.length > 0) {
      console.error(`${where}: YAML: ${document.errors.map((e) => e.message).join("; ")}`);
      failed++;
      continue;
    }
    const object = document.toJS();
    if (object === null) continue;
    const { apiVersion, kind } = object;
    // Core objects (apiVersion "v1") live in kubernetes-models/v1/, the others in kubernetes-models/GROUP/VERSION/.
    const module = `kubernetes-models/${apiVersion}/${kind}`;
    let Model;
    try {
      Model = (await import(module))[kind];
    } catch {
      console.error(`${where}: unknown apiVersion/kind ${apiVersion}/${kind}`);
      failed++;
      continue;
    }
    try {
      new Model(object).validate();
    } catch (e) {
      console.error(`${where}: ${kind} ${object.metadata?.name}: ${e.message}`);
      failed++;
      continue;
    }
    const name = `document${declarations.length}`;
    declarations.push(`// ${where}\nimport type { I${kind} as T${name} } from "${module}";\nexport const ${name}: T${name} = ${JSON.stringify(object, null, 2)};\n`);
    console.log(`${where}: ${kind} ${object.metadata?.name}: valid`);
  }
}
writeFileSync("check.ts", declarations.join("\n"));
process.exit(failed > 0 ? 1 : 0);
EOF

node validate.mjs "${files[@]}"
# Object literals typed as the interfaces: a field that the schema lacks is error TS2353 (or TS2322), with the line in
# check.ts, whose comments name the manifest.
if ! npx --no-install tsc --noEmit --strict --skipLibCheck --module nodenext --moduleResolution nodenext \
    --target es2022 check.ts >tsc.log 2>&1; then
    echo "validate: fields outside the schema:" >&2
    cat tsc.log >&2
    echo "--- check.ts" >&2
    cat -n check.ts >&2
    exit 1
fi
echo "validate: ${#files[@]} file(s) match the Kubernetes schema of kubernetes-models 5.1.0"
