using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>
    /// MyOS in QEMU (qemu-system-x86_64, software emulation), on the pc or q35 machine with SeaBIOS
    /// or OVMF (UEFI). COM1 connects to the runner's TCP listener; the isa-debug-exit device (unless
    /// left out) lets the kernel end QEMU with a status; a reset ends QEMU instead of rebooting it
    /// unless the options allow reboots.
    /// </summary>
    public sealed class QemuMachine : VirtualMachine
    {
        /// <summary>The QEMU executable.</summary>
        public const string Executable = "qemu-system-x86_64";

        /// <summary>OVMF, QEMU's UEFI firmware, as one image (Debian package ovmf).</summary>
        public const string OvmfImage = "/usr/share/ovmf/OVMF.fd";
        /// <summary>The CPU QEMU emulates: Nehalem is the oldest model with all of x86-64-v2.</summary>
        public const string CpuModel = "Nehalem";

        /// <summary>Use <see cref="VirtualMachine.Start"/>.</summary>
        internal QemuMachine(VirtualMachineOptions options) : base(options) { }

        /// <inheritdoc/>
        public override string Name => "QEMU" + (Options.Machine != "pc" ? " " + Options.Machine : "") + (Options.Firmware == Firmware.Uefi ? " UEFI" : "");

        /// <summary>The QEMU monitor's Unix socket when <see cref="VirtualMachineOptions.EnableQemuMonitor"/> is set; otherwise null.</summary>
        public string MonitorSocketPath => Options.EnableQemuMonitor ? Path.Combine(WorkDirectory, "monitor.sock") : null;

        /// <inheritdoc/>
        protected override ProcessStartInfo CreateStartInfo(string isoPath, int serialPort)
        {
            var info = new ProcessStartInfo(Executable)
            {
                UseShellExecute = false,
                WorkingDirectory = WorkDirectory,
                // Captured for failure messages (QEMU reports bad options and connection errors there).
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            var arguments = new List<string>
            {
                // KVM hangs on the build machines (toolchain-notes.md), so TCG is asked for explicitly.
                "-accel", "tcg",
                "-machine", Options.Machine,
                // .NET 10 code needs x86-64-v2 (SSE4.2, POPCNT); QEMU's default CPU model lacks them.
                "-cpu", CpuModel,
                "-m", Options.MemoryMiB.ToString(),
                "-cdrom", isoPath,
                "-boot", "d",
                "-display", "none",
                // Client mode: QEMU connects to our listener at start-up; nodelay sends each byte at once.
                "-serial", $"tcp:127.0.0.1:{serialPort},nodelay=on",
                "-monitor", Options.EnableQemuMonitor ? $"unix:{MonitorSocketPath},server=on,wait=off" : "none",
                "-parallel", "none",
            };
            if (Options.Firmware == Firmware.Uefi)
                arguments.AddRange(new[] { "-bios", OvmfImage });
            if (!Options.AllowReboot)
                arguments.Add("-no-reboot");
            if (Options.DebugExitDevice)
                arguments.AddRange(new[] { "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04" });
            foreach (string argument in arguments)
                info.ArgumentList.Add(argument);
            if (Options.GdbPort != 0)
            {
                // Paused at the first instruction until gdb attaches (README: Debugging).
                info.ArgumentList.Add("-S");
                info.ArgumentList.Add("-gdb");
                info.ArgumentList.Add($"tcp:127.0.0.1:{Options.GdbPort}");
            }
            return info;
        }
    }
}
