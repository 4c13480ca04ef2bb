using System;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>How to boot one virtual machine.</summary>
    public sealed class VirtualMachineOptions
    {
        /// <summary>Which emulator to run.</summary>
        public VirtualMachineKind Kind { get; init; } = VirtualMachineKind.Qemu;

        /// <summary>The ISO to boot; null means the repository's iso/MyOS.iso.</summary>
        public string IsoPath { get; init; }

        /// <summary>Guest RAM in MiB.</summary>
        public int MemoryMiB { get; init; } = 128;

        /// <summary>Extra kernel command-line arguments (boot options such as "test=hang"); empty for none.</summary>
        public string KernelArguments { get; init; } = "";

        /// <summary>
        /// The VM's whole life, from process start: when it ends the VM is killed (SIGKILL) whatever
        /// it is doing, so no test can outlive it by more than a wait's bookkeeping.
        /// </summary>
        public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(60);

        /// <summary>Where to report boot times and progress (for example ITestOutputHelper.WriteLine); null for nowhere.</summary>
        public Action<string> Log { get; init; }

        /// <summary>QEMU only: open the QEMU monitor on a Unix socket (for sending keys in keyboard tests).</summary>
        public bool EnableQemuMonitor { get; init; }

        /// <summary>QEMU only: the firmware (SeaBIOS or OVMF).</summary>
        public Firmware Firmware { get; init; } = Firmware.Bios;

        /// <summary>QEMU only: the machine type, "pc" (i440FX) or "q35".</summary>
        public string Machine { get; init; } = "pc";

        /// <summary>QEMU only: attach the isa-debug-exit device (so `shutdown` ends QEMU with a status); false leaves power-off to ACPI.</summary>
        public bool DebugExitDevice { get; init; } = true;

        /// <summary>A reset restarts the machine (true) or ends the emulator (false, QEMU's -no-reboot).</summary>
        public bool AllowReboot { get; init; }

        /// <summary>
        /// QEMU only: when not 0, the CPU starts paused and QEMU's gdb stub waits on this TCP port of
        /// 127.0.0.1 (as `./run.sh --debug` does); the VM runs once a debugger attaches and continues.
        /// </summary>
        public int GdbPort { get; init; }

        /// <summary>
        /// Show the VM's screen: QEMU opens its window instead of `-display none`, Bochs uses its X
        /// display instead of the terminal one (`./run.sh` asks for it when $DISPLAY is set).
        /// </summary>
        public bool ShowDisplay { get; init; }

        /// <summary>
        /// Added as they are (Cosmos.config's ExtraVmArguments): for QEMU, arguments separated by
        /// white space; for Bochs, bochsrc lines separated by newlines. Empty for none.
        /// </summary>
        public string ExtraArguments { get; init; } = "";

        /// <summary>Throws if a value is out of range.</summary>
        public void Validate()
        {
            if (MemoryMiB < 2 || MemoryMiB > 65536)
                throw new ArgumentOutOfRangeException(nameof(MemoryMiB), MemoryMiB, "RAM must be 2 to 65536 MiB.");
            if (Deadline <= TimeSpan.Zero)
                throw new ArgumentOutOfRangeException(nameof(Deadline), Deadline, "The deadline must be positive.");
            if (EnableQemuMonitor && Kind != VirtualMachineKind.Qemu)
                throw new ArgumentException("Only QEMU has a monitor socket.", nameof(EnableQemuMonitor));
            if (Kind != VirtualMachineKind.Qemu && (Firmware != Firmware.Bios || Machine != "pc"))
                throw new ArgumentException("Only QEMU is started with a choice of firmware and machine.", nameof(Firmware));
            if (Machine != "pc" && Machine != "q35")
                throw new ArgumentOutOfRangeException(nameof(Machine), Machine, "The machine must be pc or q35.");
            if (GdbPort < 0 || GdbPort > 65535)
                throw new ArgumentOutOfRangeException(nameof(GdbPort), GdbPort, "A TCP port is 0 to 65535.");
            if (GdbPort != 0 && Kind != VirtualMachineKind.Qemu)
                throw new ArgumentException("Only QEMU has a gdb stub.", nameof(GdbPort));
            if (ExtraArguments == null)
                throw new ArgumentNullException(nameof(ExtraArguments), "Give an empty string for no extra arguments.");
        }
    }
}
