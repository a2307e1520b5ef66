#!/usr/bin/env bash
# CPU cost of the SBOM catalogers alone (no CLI start-up): cold first pass and warm median per project.
# Usage (from the repository root, after ./mvnw -o -q -pl analyzers/sbom install): bench/sbom/catalog-only.sh [PROJECTS_DIR]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PROJECTS=${1:-$ROOT/../shared/data/projects}
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/temurin-25*/bin/java 2>/dev/null | head -1)}
JAVA=${JAVA:-java}
MOD="$ROOT/analyzers/sbom"
CPFILE=$(mktemp)
trap 'rm -f "$CPFILE"' EXIT
(cd "$MOD" && "$ROOT/mvnw" -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CPFILE" >/dev/null)
"$JAVA" -cp "$MOD/target/classes:$(cat "$CPFILE")" "$ROOT/bench/sbom/CatalogBench.java" "$PROJECTS"
