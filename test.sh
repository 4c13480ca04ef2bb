#!/usr/bin/env bash
# Runs every MyOS test: host unit and property tests of the memory and boot code, and the
# virtual-machine tests that boot iso/MyOS.iso in QEMU and Bochs and drive it over serial.
# On a fresh Debian machine it first installs the packages it needs (apt-get).
# Results: one line per test on the console, and a TRX file in MyOS.Tests/TestResults/.
set -euo pipefail
cd "$(dirname "$0")"
MyOS.Build/scripts/install-dependencies.sh
# Naming and formatting (.editorconfig: the .NET runtime's conventions) are part of the tests.
dotnet restore MyOS.sln -nologo -v q
dotnet format MyOS.sln --verify-no-changes --no-restore
trap 'echo "Test results (TRX): $(pwd)/MyOS.Tests/TestResults/MyOS.trx"' EXIT
dotnet test MyOS.Tests/MyOS.Tests.csproj -nologo \
  --logger "console;verbosity=normal" \
  --logger "trx;LogFileName=MyOS.trx" \
  --results-directory MyOS.Tests/TestResults "$@"
