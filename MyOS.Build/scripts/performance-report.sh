#!/usr/bin/env bash
# One command for docs/performance.md and docs/plots (issues 8 and 18):
#   MyOS.Build/scripts/performance-report.sh                 # measure everything, then rewrite the report
#   MyOS.Build/scripts/performance-report.sh --render-only   # only rewrite it from the last run's data
# The work is MyOS.Tools' `performance-report` (C#): every host benchmark of MyOS.Benchmarks,
# heap efficiency and placement, the kernel's `bench` and boot times in VMs. Raw data goes to
# artifacts/performance/ (ignored by git). Only the sections between generated markers of
# docs/performance.md are rewritten.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
"$root/MyOS.Build/scripts/install-dependencies.sh"
dotnet build "$root/MyOS.Tools/MyOS.Tools.csproj" -nologo -v:q -clp:NoSummary
exec dotnet "$root/MyOS.Tools/bin/Debug/net10.0/MyOS.Tools.dll" performance-report "$@"
