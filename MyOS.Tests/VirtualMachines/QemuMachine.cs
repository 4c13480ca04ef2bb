using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
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
            // Client mode: QEMU connects to our listener at start-up; nodelay sends each byte at once.
            string monitor = Options.EnableQemuMonitor ? $"unix:{MonitorSocketPath},server=on,wait=off" : "none";
            foreach (string argument in Arguments(Options, isoPath, $"tcp:127.0.0.1:{serialPort},nodelay=on", monitor))
                info.ArgumentList.Add(argument);
            return info;
        }

        /// <summary>
        /// QEMU's command-line arguments (after the executable) that boot <paramref name="isoPath"/> as
        /// <paramref name="options"/> say, with COM1 on the character device <paramref name="serial"/>
        /// ("tcp:..." for the runner, "mon:stdio" for a terminal, as `./run.sh` uses) and the monitor
        /// on <paramref name="monitor"/> ("none", a socket; null: no -monitor option). The one place
        /// that knows how MyOS is started in QEMU.
        /// </summary>
        public static List<string> Arguments(VirtualMachineOptions options, string isoPath, string serial, string monitor)
        {
            options.Validate();
            var arguments = new List<string>
            {
                // KVM hangs on the build machines, so TCG is asked for explicitly.
                "-accel", "tcg",
                "-machine", options.Machine,
                // .NET 10 code needs x86-64-v2 (SSE4.2, POPCNT); QEMU's default CPU model lacks them.
                "-cpu", CpuModel,
                "-m", options.MemoryMiB.ToString(CultureInfo.InvariantCulture),
                "-cdrom", isoPath,
                "-boot", "d",
                "-serial", serial,
                "-parallel", "none",
            };
            if (!options.ShowDisplay)
                arguments.AddRange(new[] { "-display", "none" });
            if (monitor != null)
                arguments.AddRange(new[] { "-monitor", monitor });
            if (options.Firmware == Firmware.Uefi)
                arguments.AddRange(new[] { "-bios", OvmfImage });
            if (!options.AllowReboot)
                arguments.Add("-no-reboot");
            if (options.DebugExitDevice)
                arguments.AddRange(new[] { "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04" });
            if (options.GdbPort != 0)
            {
                // Paused at the first instruction until gdb attaches (README: Debugging).
                arguments.AddRange(new[] { "-S", "-gdb", $"tcp:127.0.0.1:{options.GdbPort}" });
            }
            arguments.AddRange(options.ExtraArguments.Split((char[])null, StringSplitOptions.RemoveEmptyEntries));
            return arguments;
        }
    }
}
