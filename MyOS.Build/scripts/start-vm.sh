#!/usr/bin/env bash
# Boots iso/MyOS.iso in QEMU or Bochs with the settings of Cosmos.config.
#   start-vm.sh [qemu|qemu-uefi|bochs] [--debug]   (qemu-uefi: QEMU with OVMF, the UEFI firmware)
# --debug (QEMU only): the CPU starts paused and QEMU's gdb stub waits on the GdbPort of
# Cosmos.config (1234); MyOS.Build/gdb/myos.gdb attaches to it (README: Debugging).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
get() { "$root/MyOS.Build/scripts/config-value.sh" "$@"; }

vm="${1:-$(get VirtualMachine qemu)}"
debug="${2:-}"
memory=$(get MemoryMiB 128)
limit=$(get VmTimeLimitSeconds 0)
extra=$(get ExtraVmArguments "")
iso="$root/iso/MyOS.iso"
[[ -f "$iso" ]] || { echo "error: $iso is missing; run: dotnet build MyOS/MyOS.csproj" >&2; exit 1; }

debugger=()
if [[ "$debug" == "--debug" ]]; then
  [[ "$vm" == qemu* ]] || { echo "error: --debug needs QEMU (its gdb stub), not $vm" >&2; exit 2; }
  port=$(get GdbPort 1234)
  [[ -f "$root/iso/myos.elf" ]] || { echo "error: $root/iso/myos.elf is missing; run: dotnet build MyOS/MyOS.csproj" >&2; exit 1; }
  debugger=(-S -gdb "tcp:127.0.0.1:$port")
  attach="gdb -x MyOS.Build/gdb/myos.gdb"
  if [[ "$port" != "1234" ]]; then attach="MYOS_GDB_PORT=$port $attach"; fi
  echo "QEMU is paused, waiting for gdb on port $port. In another terminal, in $root:"
  echo "  $attach"
fi

# A time limit kills the VM with SIGKILL (Bochs ignores SIGTERM).
limiter=()
if [[ "$limit" != "0" ]]; then limiter=(timeout -s KILL "$limit"); fi

firmware=()
if [[ "$vm" == qemu-uefi ]]; then vm=qemu; firmware=(-bios /usr/share/ovmf/OVMF.fd); fi

case "$vm" in
  qemu)
    display=(-display none)
    if [[ -n "${DISPLAY:-}" ]]; then display=(); fi
    # shellcheck disable=SC2086
    exec "${limiter[@]}" qemu-system-x86_64 -cdrom "$iso" -m "$memory" -serial mon:stdio \
      "${display[@]}" "${firmware[@]}" -cpu Nehalem -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04 "${debugger[@]}" $extra
    ;;
  bochs)
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    library=term
    if [[ -n "${DISPLAY:-}" ]]; then library=x; fi
    cat > "$work/bochsrc" <<RC
megs: $memory
romimage: file=/usr/share/bochs/BIOS-bochs-latest
vgaromimage: file=/usr/share/vgabios/vgabios.bin
ata0-master: type=cdrom, path=$iso, status=inserted
boot: cdrom
cpu: model=corei7_sandy_bridge_2600k, count=1, ips=50000000, reset_on_triple_fault=0
display_library: $library
com1: enabled=1, mode=file, dev=$root/iso/bochs-serial.txt
log: $work/bochs.log
panic: action=fatal
error: action=report
info: action=ignore
debug: action=ignore
$extra
RC
    echo c > "$work/rc"
    echo "Bochs: the console is the VGA screen; serial output goes to iso/bochs-serial.txt"
    "${limiter[@]}" bochs -q -f "$work/bochsrc" -rc "$work/rc"
    ;;
  *)
    echo "error: VirtualMachine must be qemu or bochs, not '$vm'" >&2
    exit 2
    ;;
esac
