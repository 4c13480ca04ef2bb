#!/usr/bin/env bash
# Times the heap as the kernel's `new` uses it (MyOS.Benchmarks' HeapKernelPathTiming:
# BlockAllocator.AllocateManaged beside Allocate, glibc malloc and calloc) twice: compiled
# ahead of time by ILC (a NativeAOT build of MyOS.Benchmarks, x86-64-v2 like the kernel) and
# under the JIT. Tables on the console, JSON in the output directory.
#   MyOS.Build/scripts/heap-native-benchmark.sh [output-directory]   (default: artifacts/heap-kernel-path)
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-artifacts/heap-kernel-path}"
mkdir -p "$out"
dotnet publish MyOS.Benchmarks -c Release -r linux-x64 -p:PublishAot=true -p:IlcInstructionSet=x86-64-v2 \
  -o "$out/native" -nologo -v:q -clp:NoSummary
"$out/native/MyOS.Benchmarks" --heap-kernel-path "$out/native.json"
dotnet run -c Release --project MyOS.Benchmarks -- --heap-kernel-path "$out/jit.json"
