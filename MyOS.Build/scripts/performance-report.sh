#!/usr/bin/env bash
# One command for docs/performance.md and docs/plots/*.svg (issue 8):
#   MyOS.Build/scripts/performance-report.sh            # measure everything, then write the report
#   MyOS.Build/scripts/performance-report.sh --report   # only re-render from the last run's data
# Measures: host benchmarks (MyOS.Benchmarks, BenchmarkDotNet, the whole script about 7 minutes on 2 cores), heap
# efficiency and placement, the kernel's `bench` in QEMU and boot time to the prompt in QEMU and Bochs.
# Raw data goes to artifacts/performance/ (ignored by git).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="$root/artifacts/performance"
generator="$root/MyOS.Build/scripts/performance-report.py"
cd "$root"

if [[ "${1:-}" != "--report" ]]; then
  rm -rf "$data"
  mkdir -p "$data"
  started=$(date +%s)
  load() { cut -d' ' -f1-3 /proc/loadavg; }
  loadBefore=$(load)

  echo "== host benchmarks (build)"
  dotnet build -c Release MyOS.Benchmarks -nologo -v q
  echo "== heap efficiency at first failure, placement against linear first fit"
  dotnet run -c Release --no-build --project MyOS.Benchmarks -- --efficiency "$data/efficiency.json"
  echo "== host benchmarks (run)"
  dotnet run -c Release --no-build --project MyOS.Benchmarks -- \
    --filter '*PageAllocatorBenchmarks*' '*PageHostMallocBenchmarks*' '*HeapBenchmarks*' '*HeapLinearBenchmarks*' \
    --artifacts "$data/bdn" > "$data/benchmarks.log" 2>&1 \
    || { tail -40 "$data/benchmarks.log"; echo "error: host benchmarks failed (log: $data/benchmarks.log)" >&2; exit 1; }
  loadAfter=$(load)

  echo "== kernel (build)"
  dotnet build MyOS/MyOS.csproj -nologo -v q
  echo "== QEMU: boot time and bench; Bochs: boot time"
  python3 "$generator" vm --iso "$root/iso/MyOS.iso" --memory 512 --out "$data/vm.json"

  # The machine, for the report.
  python3 - "$data/machine.json" "$loadBefore" "$loadAfter" "$started" <<'PY'
import json, os, re, subprocess, sys, time
def first(pattern, path):
    try:
        for line in open(path):
            m = re.match(pattern, line)
            if m:
                return m.group(1).strip()
    except OSError:
        pass
    return "?"
def run(*command):
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=30).stdout.strip()
    except OSError:
        return "?"
memory_kib = int(first(r"MemTotal:\s+(\d+)", "/proc/meminfo") or 0)
machine = {
    "cpu": first(r"model name\s*:\s*(.*)", "/proc/cpuinfo"),
    "cores": os.cpu_count(),
    "cache": first(r"cache size\s*:\s*(.*)", "/proc/cpuinfo"),
    "memory": f"{memory_kib / 1048576:.1f} GiB",
    "os": first(r'PRETTY_NAME="?([^"]*)', "/etc/os-release"),
    "kernel": os.uname().release,
    "dotnetSdk": run("dotnet", "--version"),
    "qemu": run("qemu-system-x86_64", "--version").splitlines()[0] if run("qemu-system-x86_64", "--version") else "?",
    "bochs": "Bochs " + (run("dpkg-query", "-W", "-f", "${Version}", "bochs") or "?"),
    "loadBefore": sys.argv[2],
    "loadAfter": sys.argv[3],
    "date": time.strftime("%Y-%m-%d %H:%M %Z"),
    "runMinutes": round((time.time() - int(sys.argv[4])) / 60, 1),
}
json.dump(machine, open(sys.argv[1], "w"), indent=1)
PY
fi

echo "== report"
python3 "$generator" report --data "$data" --docs "$root/docs"
