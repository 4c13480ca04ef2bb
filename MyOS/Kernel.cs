using MyOS.Core;
using MyOS.Core.Boot;
using MyOS.Core.Console;
using MyOS.Diagnostics;
using MyOS.Runtime.Collector;
using Sys = MyOS.Core;

namespace MyOS
{
    /// <summary>The MyOS kernel: prints the banner, runs any test-only boot path, then runs the shell.</summary>
    public sealed class Kernel : Sys.Kernel
    {
        /// <summary>The version shown in the banner.</summary>
        public const string Version = "0.1.0";

        /// <summary>The interactive shell; one command line per Run.</summary>
        private Shell.CommandShell _shell;

        protected override void BeforeRun()
        {
            GarbageCollector.Start(KernelBoot.CommandLine);
            PrintBanner();
            BootTestPaths.RunIfRequested(KernelBoot.CommandLine);
            _shell = new Shell.CommandShell();
            if (KernelBoot.CommandLine.Has("test", "soak"))
            {
                KernelBoot.CommandLine.TryGetNumber("soakcommands", out ulong commands);
                ShellSoak.Run(_shell, commands);
            }
        }

        /// <summary>One command line, then the finalizers of objects that command left unreachable.</summary>
        protected override void Run()
        {
            _shell.ReadAndRunOneLine();
            GarbageCollector.RunPendingFinalizers();
        }

        private static void PrintBanner()
        {
            KernelConsole.WriteLine("MyOS " + Version + " - a C# kernel compiled ahead of time by NativeAOT, x86-64");
            Multiboot2Info info = KernelBoot.BootInfo;
            ulong usable = 0;
            for (int i = 0; i < info.MemoryEntryCount; i++)
            {
                Multiboot2MemoryEntry entry = info.GetMemoryEntry(i);
                if (entry.Type == Multiboot2MemoryType.Available)
                    usable += entry.Length;
            }
            KernelConsole.Write("Memory: ");
            KernelConsole.WriteDecimal(usable / (1024 * 1024));
            KernelConsole.Write(" MiB usable RAM reported by GRUB (mem_lower ");
            KernelConsole.WriteDecimal((ulong)info.MemoryLowerKiB);
            KernelConsole.Write(" KiB, mem_upper ");
            KernelConsole.WriteDecimal((ulong)info.MemoryUpperKiB);
            KernelConsole.WriteLine(" KiB)");
            KernelConsole.WriteLine("Type 'help' for the list of commands.");
        }
    }
}
