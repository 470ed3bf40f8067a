#!/usr/bin/env bash
# Prepares this checkout for notebooks (VS Code, Jupyter, headless runs). Idempotent; needs no root.
#   1. restores the pinned local tool (the .NET Interactive kernel);
#   2. packs Aim.Core, Aim.Envs, Aim.Learning, Aim.Experiments, Aim.Play and Aim.Interactive (0.1.0-dev) into artifacts/packages,
#      the local feed that notebooks register in their first cell;
#   3. removes stale 0.1.0-dev copies of those packages from the NuGet cache, so kernels pick up the new build
#      (restart running kernels afterwards);
#   4. on Linux, patches the NuGet-cache copy of TorchSharp's native library for a libstdc++ without GLIBCXX_3.4.32
#      (Debian 12, Ubuntu 22.04); a no-op where libstdc++ is new enough. See environment.md.
# Respects NUGET_PACKAGES. Run it again after every change under src/.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
cache=${NUGET_PACKAGES:-$HOME/.nuget/packages}
version=0.1.0-dev
packages=(Aim.Core Aim.Envs Aim.Learning Aim.Experiments Aim.Play Aim.Interactive)

echo "setup-notebooks: restoring local tools"
dotnet tool restore >/dev/null

echo "setup-notebooks: packing ${packages[*]} ($version) into artifacts/packages"
mkdir -p artifacts/packages
for p in "${packages[@]}"; do
    rm -f "artifacts/packages/$p.$version.nupkg"
done
dotnet pack src/Aim.Packages.slnf -c Release --nologo -v quiet -p:Version="$version" -p:PackageOutputPath="$root/artifacts/packages/"
for p in "${packages[@]}"; do
    [[ -f "artifacts/packages/$p.$version.nupkg" ]] || { echo "setup-notebooks: artifacts/packages/$p.$version.nupkg was not produced" >&2; exit 1; }
done

echo "setup-notebooks: removing stale $version copies from $cache"
for p in "${packages[@]}"; do
    id=$(printf '%s' "$p" | tr '[:upper:]' '[:lower:]')
    rm -rf "${cache:?}/$id/$version"
done

if [[ "$(uname -s)" == Linux ]]; then
    echo "setup-notebooks: checking TorchSharp's native library in the NuGet cache"
    dotnet msbuild src/Aim.Learning/Aim.Learning.csproj -t:PatchTorchSharpNuGetCache -nologo -v:minimal \
        | sed -n 's/^ *TorchSharp glibcxx fix: /  /p'
fi

echo "setup-notebooks: done. Restart running notebook kernels to load the new packages."
