#!/usr/bin/env bash
# Installs the Debian packages MyOS needs to build and boot, if any is missing.
# Needs root (or sudo) only when something has to be installed.
set -euo pipefail

# command or file to look for -> Debian package that provides it
declare -A needs=(
  [nasm]=nasm
  [ld]=binutils
  [grub-mkrescue]=grub-common
  [grub-file]=grub-common
  [/usr/lib/grub/i386-pc/modinfo.sh]=grub-pc-bin
  [/usr/lib/grub/x86_64-efi/modinfo.sh]=grub-efi-amd64-bin
  [/usr/share/ovmf/OVMF.fd]=ovmf
  [/usr/share/consolefonts/Lat15-Terminus16.psf.gz]=console-setup-linux
  [xorriso]=xorriso
  [mformat]=mtools
  [qemu-system-x86_64]=qemu-system-x86
  [bochs]=bochs
  [/usr/share/bochs/BIOS-bochs-latest]=bochsbios
  [/usr/share/vgabios/vgabios.bin]=vgabios
  [/usr/lib/x86_64-linux-gnu/bochs/plugins/libbx_term_gui.so]=bochs-term
  [/usr/lib/x86_64-linux-musl/libc.a]=musl-dev
  # gdb (with Python, as Debian builds it): ./run.sh --debug, MyOS.Build/gdb/myos.gdb and its test
  [gdb]=gdb
  # the font the performance report's plots are drawn in (MyOS.Tools, ScottPlot)
  [/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf]=fonts-dejavu-core
)

missing=()
for thing in "${!needs[@]}"; do
  if [[ "$thing" == /* ]]; then
    [[ -e "$thing" ]] || missing+=("${needs[$thing]}")
  else
    command -v "$thing" >/dev/null 2>&1 || missing+=("${needs[$thing]}")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

packages=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
echo "MyOS: installing Debian packages: $packages"
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $packages >/dev/null
