using System;
using System.Collections.Generic;
using System.Linq;
using MyOS.Tests.VirtualMachines;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// One VM of the test matrix: emulator, RAM and kernel arguments, with the time limits its
    /// boot and commands get. Test cases name it by <see cref="Id"/> (a string, so xunit can list
    /// every case of every configuration separately).
    /// </summary>
    /// <param name="Id">Short name, e.g. "qemu-5120MiB".</param>
    /// <param name="Kind">The emulator.</param>
    /// <param name="MemoryMiB">Guest RAM.</param>
    /// <param name="KernelArguments">Extra boot options; empty for a normal boot.</param>
    /// <param name="Firmware">QEMU's firmware: SeaBIOS or OVMF (UEFI).</param>
    /// <param name="Machine">QEMU's machine type: "pc" or "q35".</param>
    public sealed record VmConfiguration(string Id, VirtualMachineKind Kind, int MemoryMiB, string KernelArguments = "",
        Firmware Firmware = Firmware.Bios, string Machine = "pc")
    {
        /// <summary>
        /// The matrix of issue 7: QEMU from a small machine to one with RAM above 4 GiB (3.5 GiB and
        /// 5 GiB both split around QEMU's PCI hole), and Bochs, whose BIOS and devices differ; and
        /// one kernel on the baseline allocators (byte map pages, linear first-fit heap), small
        /// because the byte map's exhaustion test is quadratic under emulation. Issue 16 adds 12 MiB,
        /// where tests that assumed more RAM failed. The smallest machine MyOS boots in (7 MiB,
        /// SmallMemoryBootTests) runs out of memory in the whole suite: CoreLib's frozen-object heap
        /// takes 4 MiB at its first use, and until the collector lands no object is reclaimed.
        /// </summary>
        public static readonly IReadOnlyList<VmConfiguration> Matrix = new[]
        {
            Qemu(12), Qemu(32), Qemu(128), Qemu(512), Qemu(3584), Qemu(5120),
            new VmConfiguration("bochs-128MiB", VirtualMachineKind.Bochs, 128),
            // Issue 8: Cosmos.config swaps the whole kernel onto the baseline allocators.
            new VmConfiguration("qemu-32MiB-baselines", VirtualMachineKind.Qemu, 32, "pages=bytemap heap=linear"),
            // Issue 17: a modern PC: UEFI (OVMF) on both machine types, and the q35 chipset under BIOS.
            new VmConfiguration("qemu-uefi-pc-128MiB", VirtualMachineKind.Qemu, 128, Firmware: Firmware.Uefi),
            new VmConfiguration("qemu-uefi-q35-128MiB", VirtualMachineKind.Qemu, 128, Firmware: Firmware.Uefi, Machine: "q35"),
            new VmConfiguration("qemu-q35-128MiB", VirtualMachineKind.Qemu, 128, Machine: "q35"),
            // Issue 13: the whole suite with a collection at every allocation (about 80 s alone at load 12).
            new VmConfiguration("qemu-64MiB-gcstress", VirtualMachineKind.Qemu, 64, "gcstress=1"),
            // Issue 20: the whole suite with the allocators' debug checks on every operation.
            new VmConfiguration("qemu-64MiB-verify", VirtualMachineKind.Qemu, 64, "verify=1"),
        };

        /// <summary>The matrix entry called <paramref name="id"/>; throws for an unknown one.</summary>
        public static VmConfiguration Find(string id) =>
            Matrix.FirstOrDefault(configuration => configuration.Id == id)
            ?? throw new ArgumentException($"No VM configuration is called \"{id}\".", nameof(id));

        /// <summary>
        /// From VM start to the first prompt. Measured: about 2 s in QEMU and 6 s in Bochs; OVMF
        /// adds its own start-up, 6 to 9 s alone on a loaded machine.
        /// </summary>
        public TimeSpan BootLimit => TimeSpan.FromSeconds(Kind == VirtualMachineKind.Bochs || Firmware == Firmware.Uefi ? 60 : 30);

        /// <summary>For a quick command (`test list`, `memmap`, `meminfo`); they answer within 0.1 s.</summary>
        public TimeSpan CommandLimit => TimeSpan.FromSeconds(Kind == VirtualMachineKind.Bochs ? 20 : 10);

        /// <summary>
        /// From one kernel test's result line to the next: 60 s, plus 30 s per GiB of RAM, since
        /// the slowest test, pages.exhaust-pattern-restore, writes and reads every free page. With
        /// 5 GiB it was measured at 15 s alone, 52 s with a second VM running and over 60 s with
        /// other builds on the machine too. A hanging test costs this much once per boot.
        /// </summary>
        public TimeSpan PerTestLimit => TimeSpan.FromSeconds((60 + 30 * (MemoryMiB / 1024)) * (IsSlowed ? 3 : 1));

        /// <summary>
        /// True when every test runs several times slower: the kernel collects at every N-th
        /// allocation (gcstress=N) or checks the allocators' invariants on every operation (verify=1).
        /// </summary>
        public bool IsSlowed => KernelArguments.Contains("gcstress=") || KernelArguments.Contains("verify=1");

        /// <summary>
        /// The VM's whole life, after which it is killed whatever it does: a boot, three commands,
        /// one hanging test, and shutdown all fit. Measured whole runs take 8 to 25 s.
        /// </summary>
        public TimeSpan Deadline => BootLimit + 3 * CommandLimit + PerTestLimit + TimeSpan.FromSeconds(30);

        /// <summary>The VM in words, e.g. "QEMU, 5120 MiB".</summary>
        public string Description => $"{(Kind == VirtualMachineKind.Bochs ? "Bochs" : "QEMU")}" +
            (Machine != "pc" ? " " + Machine : "") + (Firmware == Firmware.Uefi ? " UEFI" : "") + $", {MemoryMiB} MiB" +
            (string.IsNullOrWhiteSpace(KernelArguments) ? "" : $", kernel arguments \"{KernelArguments}\"");

        /// <summary>Where this VM's RAM is (see <see cref="GuestMemoryLayout"/>).</summary>
        public GuestMemoryLayout MemoryLayout => GuestMemoryLayout.For(Kind, MemoryMiB, Firmware);

        /// <summary>The id, so xunit and messages show it.</summary>
        public override string ToString() => Id;

        private static VmConfiguration Qemu(int memoryMiB) => new VmConfiguration($"qemu-{memoryMiB}MiB", VirtualMachineKind.Qemu, memoryMiB);
    }
}
