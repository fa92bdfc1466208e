#!/bin/sh
# The whole check, as CI runs it: lint, format, types, layer contracts, then the tests.
# Run from the repository root with the dev extra installed:  sh tests/run.sh [pytest args]
set -eu
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
echo "== ruff";         ruff check .
echo "== ruff format";  ruff format --check .
echo "== mypy";         mypy
echo "== import-linter"; lint-imports
echo "== pytest";       pytest "$@"
