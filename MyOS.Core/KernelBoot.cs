using MyOS.Core.Acpi;
using MyOS.Core.Arch.X64.Bridge.Import;
using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Arch.X64.Interrupts;
using MyOS.Core.Boot;
using MyOS.Core.Console;
using MyOS.Core.Diagnostics;
using MyOS.Core.Input;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Map;

namespace MyOS.Core
{
    /// <summary>
    /// The order in which the machine comes up, before the user's kernel runs: boot information
    /// (it says whether serial is wanted), console (so everything after can report), runtime
    /// hooks (so runtime errors panic with a report), the IDT (so CPU faults panic instead of
    /// rebooting), the PIC, the boot memory map, then the page allocator, the kernel's page
    /// tables and the heap (<see cref="KernelMemory"/>), the ACPI tables (for power-off and
    /// reset); last the timer, keyboard and serial input interrupts.
    /// </summary>
    public static unsafe class KernelBoot
    {
        /// <summary>What GRUB told the kernel; valid after <see cref="Initialize"/>.</summary>
        public static Multiboot2Info BootInfo { get; private set; }

        /// <summary>The kernel command line (Cosmos.config's settings and boot options).</summary>
        public static KernelCommandLine CommandLine { get; private set; }

        /// <summary>Physical memory: GRUB's map, cleaned, with the kernel's own memory reserved.</summary>
        public static MemoryMap MemoryMap { get; private set; }

        /// <summary>What each range the kernel reserved in <see cref="MemoryMap"/> holds (kernel image, boot information, modules).</summary>
        public static KernelReservations Reservations { get; private set; }

        /// <summary>Brings the machine up. Called once by <see cref="Kernel.Start"/>.</summary>
        public static void Initialize()
        {
            PhysicalAddress infoPhysical = new PhysicalAddress(NativeCpu.BootInfoPhysicalAddress());
            Multiboot2Info info = new Multiboot2Info();
            BootInfoError error = Multiboot2Parser.Parse(DirectMap.Kernel.ToPointer(infoPhysical),
                Multiboot2Parser.MaxTotalSize, AddressSpace.KernelBase, info);
            BootInfo = info;
            CommandLine = info.HasCommandLine
                ? new KernelCommandLine(info.CommandLine, info.CommandLineLength)
                : new KernelCommandLine(null, 0);

            KernelConsole.Initialize(useSerial: !CommandLine.Has("serial", "false"), info,
                serialColors: !CommandLine.Has("serialcolors", "false"));
            InterruptDescriptorTable.Install(&Panic.OnCpuException);
            ProgrammableInterruptController.Initialize();

            if (!error.IsOk)
                Panic.OnBadBootInfo(error);
            ReportFirmwareProblems(info);
            MemoryMap = BuildMemoryMap(info, infoPhysical);
            // Cosmos.config's Verify arrives as verify=1: the allocators check their invariants
            // on every operation from the first one on (docs/page-allocator.md, "Debug checks").
            ulong verify;
            if (CommandLine.TryGetNumber("verify", out verify) && verify != 0)
                InvariantChecks.Enable(&Panic.OnBrokenInvariant);
            KernelMemory.Initialize(MemoryMap, CommandLine);
            KernelConsole.AttachFramebuffer(info);
            Power.Initialize(ReadAcpiTables(info));

            ProgrammableIntervalTimer.Initialize();
            Ps2Keyboard.Initialize();
            SerialInput.Initialize(KernelConsole.Serial);
            Cpu.EnableInterrupts();
        }

        /// <summary>The ACPI tables from GRUB's RSDP copies, else (BIOS only) a scan of the BIOS areas; one warning line per problem.</summary>
        private static AcpiTables ReadAcpiTables(Multiboot2Info info)
        {
            AcpiTables acpi = AcpiTables.Discover(new DirectMapAcpiMemory(MemoryMap, DirectMap.Kernel), info.NewRsdp, info.NewRsdpLength,
                info.OldRsdp, info.OldRsdpLength, scanBiosAreas: !info.HasEfiSystemTable);
            for (int i = 0; i < acpi.ProblemCount; i++)
                KernelConsole.WriteLine("warning: ACPI: " + acpi.GetProblem(i));
            return acpi;
        }

        /// <summary>One warning line for each optional boot structure that is malformed or disagrees; the kernel goes on without it.</summary>
        private static void ReportFirmwareProblems(Multiboot2Info info)
        {
            if (!info.IgnoredTag.IsOk)
            {
                KernelConsole.WriteLine("warning: boot information tag " + info.IgnoredTag.TagType.ToString() + " ignored: "
                    + BootInfoErrorText.Describe(info.IgnoredTag.Reason));
            }

            if (KernelConsole.ScreenProblem != null)
                KernelConsole.WriteLine("warning: framebuffer not used: " + KernelConsole.ScreenProblem);
            MemoryOverlap efi = AvailableMemoryCheck.FirstEfiDisagreement(info);
            if (efi.Exists)
            {
                KernelConsole.WriteLine("warning: the EFI memory map and GRUB's map disagree at 0x" + efi.Start.ToString("X")
                    + "-0x" + (efi.End - 1).ToString("X") + " (type " + efi.Type.ToString() + ")");
            }
        }

        private static MemoryMap BuildMemoryMap(Multiboot2Info info, PhysicalAddress infoPhysical)
        {
            // The kernel image spans its code, data, boot page tables, stack and bootstrap heap.
            // GRUB must have put it where the firmware's map says RAM is free (issue 17: under
            // OVMF a large BSS once landed on ACPI NVS memory).
            ulong imageStart, imageEnd;
            NativeCpu.KernelImageBounds(&imageStart, &imageEnd);
            MemoryOverlap overlap = AvailableMemoryCheck.FirstUnavailable(info, imageStart, imageEnd);
            if (overlap.Exists)
            {
                Panic.Fail("the kernel image 0x" + imageStart.ToString("X") + "-0x" + (imageEnd - 1).ToString("X")
                    + " lies over memory the firmware does not call available: 0x" + overlap.Start.ToString("X") + "-0x"
                    + (overlap.End - 1).ToString("X") + " (" + (overlap.Type == MemoryOverlap.Hole ? "no memory" : "type " + overlap.Type.ToString()) + ")");
            }

            MemoryMap map = new MemoryMap();
            for (int i = 0; i < info.MemoryEntryCount; i++)
            {
                if (map.Add(info.GetMemoryRegion(i)) != MemoryMapStatus.Ok)
                    Panic.Fail("the boot memory map has more regions than MemoryMap can hold");
            }
            // Named regions over the map: the framebuffer, and the EFI runtime services memory
            // (GRUB calls its data part plain reserved).
            if (info.HasFramebuffer)
                map.Add(info.Framebuffer.Address, info.Framebuffer.SizeBytes, MemoryKind.Framebuffer);
            for (int i = 0; i < info.EfiMemoryDescriptorCount; i++)
            {
                EfiMemoryDescriptor d = info.GetEfiMemoryDescriptor(i);
                if (EfiMemoryType.IsRuntimeServices(d.Type) && d.PageCount <= ulong.MaxValue / EfiMemoryDescriptor.PageSize)
                    map.Add(d.PhysicalStart, d.Length, MemoryKind.EfiRuntime);
            }
            if (map.Build() != MemoryMapStatus.Ok)
                Panic.Fail("the boot memory map could not be built");

            // The image bounds were read and checked above.
            Reservations = new KernelReservations();
            Reservations.Reserve(map, imageStart, imageEnd - imageStart, "kernel image (code, data, boot page tables, stack)");
            Reservations.Reserve(map, infoPhysical.Value, info.TotalSize, "multiboot2 boot information");
            for (int i = 0; i < info.ModuleCount; i++)
            {
                Multiboot2Module module = info.GetModule(i);
                Reservations.Reserve(map, module.Start, module.End - module.Start, "boot module");
            }
            return map;
        }
    }
}
