#!/bin/sh
# Runs the IaC checks over ../shared/data/iac and prints counts per rule; every finding is written to
# analyzers/iac/target/iac-real-world.txt for review. Usage: analyzers/iac/scripts/real-world.sh
set -e
cd "$(dirname "$0")/../../.."
./mvnw -o -q -pl analyzers/iac test -Dtest=RealWorldIacTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsurefire.printSummary=false 2>/dev/null | grep -v '^\[' || true
echo "report: analyzers/iac/target/iac-real-world.txt"
