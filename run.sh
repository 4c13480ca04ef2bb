#!/usr/bin/env bash
# Builds MyOS and boots it with the shell on this terminal (serial console).
#   ./run.sh            boot in the VM Cosmos.config names (QEMU by default)
#   ./run.sh --bochs    boot in Bochs
#   ./run.sh --qemu     boot in QEMU
#   ./run.sh --uefi     boot in QEMU with UEFI firmware (OVMF): the screen is a framebuffer
#   ./run.sh --debug    boot in QEMU paused, waiting for gdb (README: Debugging)
# On a fresh Debian machine it first installs the packages it needs (apt-get).
# In QEMU, leave with the shell's `shutdown`, or Ctrl-A then X.
# The VM's command line comes from MyOS.Tools (`vm-command`), which starts VMs exactly as the
# test runner does (MyOS.Tests/VirtualMachines), with Cosmos.config's settings.
set -euo pipefail
cd "$(dirname "$0")"

vm=""
debug=""
for arg in "$@"; do
  case "$arg" in
    --bochs) vm=bochs ;;
    --qemu) vm=qemu ;;
    --uefi) vm=qemu-uefi ;;
    --debug) debug=--debug ;;
    *) echo "usage: ./run.sh [--qemu|--bochs|--uefi] [--debug]" >&2; exit 2 ;;
  esac
done

MyOS.Build/scripts/install-dependencies.sh
# One build: the tool, and before it the kernel ISO (its project reference).
dotnet build MyOS.Tools/MyOS.Tools.csproj -nologo -v:q -clp:NoSummary
command=$(dotnet MyOS.Tools/bin/Debug/net10.0/MyOS.Tools.dll vm-command "${vm}" ${debug})
mapfile -t argv <<< "$command"
exec "${argv[@]}"
