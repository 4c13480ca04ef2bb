using MyOS.Core.Boot;
using MyOS.Core.Bridge.Import;
using MyOS.Core.Console;
using MyOS.Core.Diagnostics;
using MyOS.Core.Hardware;
using MyOS.Core.Input;
using MyOS.Core.Interrupts;
using MyOS.Core.Memory;

namespace MyOS.Core
{
    /// <summary>
    /// The order in which the machine comes up, before the user's kernel runs: boot information
    /// (it says whether serial is wanted), console (so everything after can report), runtime
    /// hooks (so runtime errors panic with a report), the IDT (so CPU faults panic instead of
    /// rebooting), the PIC, the boot memory map, then the page allocator, the kernel's page
    /// tables and the heap (<see cref="KernelMemory"/>); last the timer, keyboard and serial
    /// input interrupts.
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
            ulong infoPhysical = NativeCpu.BootInfoPhysicalAddress();
            Multiboot2Info info = new Multiboot2Info();
            BootInfoError error = Multiboot2Parser.Parse((byte*)(AddressSpace.HhdmBase + infoPhysical),
                Multiboot2Parser.MaxTotalSize, AddressSpace.KernelBase, info);
            BootInfo = info;
            CommandLine = info.HasCommandLine
                ? new KernelCommandLine(info.CommandLine, info.CommandLineLength)
                : new KernelCommandLine(null, 0);

            KernelConsole.Initialize(useSerial: !CommandLine.Has("serial", "false"),
                serialColors: !CommandLine.Has("serialcolors", "false"));
            InterruptDescriptorTable.Install(&Panic.OnCpuException);
            ProgrammableInterruptController.Initialize();

            if (!error.IsOk)
                Panic.OnBadBootInfo(error);
            MemoryMap = BuildMemoryMap(info, infoPhysical);
            KernelMemory.Initialize(MemoryMap, CommandLine);

            ProgrammableIntervalTimer.Initialize();
            Ps2Keyboard.Initialize();
            SerialInput.Initialize(KernelConsole.Serial);
            Cpu.EnableInterrupts();
        }

        private static MemoryMap BuildMemoryMap(Multiboot2Info info, ulong infoPhysical)
        {
            MemoryMap map = new MemoryMap();
            for (int i = 0; i < info.MemoryEntryCount; i++)
                if (map.Add(info.GetMemoryRegion(i)) != MemoryMapStatus.Ok)
                    Panic.Fail("the boot memory map has more regions than MemoryMap can hold");
            if (map.Build() != MemoryMapStatus.Ok)
                Panic.Fail("the boot memory map could not be built");

            // The kernel image spans its code, data, boot page tables, stack and bootstrap heap.
            Reservations = new KernelReservations();
            ulong imageStart, imageEnd;
            NativeCpu.KernelImageBounds(&imageStart, &imageEnd);
            Reservations.Reserve(map, imageStart, imageEnd - imageStart, "kernel image (code, data, boot page tables, stack)");
            Reservations.Reserve(map, infoPhysical, info.TotalSize, "multiboot2 boot information");
            for (int i = 0; i < info.ModuleCount; i++)
            {
                Multiboot2Module module = info.GetModule(i);
                Reservations.Reserve(map, module.Start, module.End - module.Start, "boot module");
            }
            return map;
        }
    }
}
