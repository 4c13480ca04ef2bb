using MyOS.Core;
using MyOS.Core.Console;
using MyOS.Runtime.Collector;
using MyOS.Shell;

namespace MyOS.Diagnostics
{
    /// <summary>
    /// The soak run (boot option `test=soak`, `soakcommands=N`, default 20,000): the shell runs N
    /// mixed command lines as if typed (help, meminfo, memmap, heap, echo, alloc/free and
    /// pmalloc/pmfree pairs, a kernel test), with their output captured instead of printed,
    /// and reports heap size and used pages after a collection at the 100th command and at the
    /// end, so the test runner can check that memory stays flat however long the kernel runs.
    /// </summary>
    public static unsafe class ShellSoak
    {
        private const ulong DefaultCommands = 20_000;
        private const int CaptureChars = 4096;

        /// <summary>The lines, in rotation; "free" and "pmfree" take the address the line before printed.</summary>
        private static readonly string[] s_rotation =
        {
            "help", "meminfo", "echo soak test line", "alloc 200", "free", "memmap", "heap",
            "pmalloc 2", "pmfree", "test runtime.strings", "alloc 3000 64", "free", "echo done",
        };

        public static void Run(CommandShell shell, ulong commands)
        {
            if (commands == 0)
                commands = DefaultCommands;
            KernelConsole.WriteLine("soak: running " + Format.Decimal(commands) + " commands");
            char* captured = stackalloc char[CaptureChars];
            string lastAddress = "";
            ulong errors = 0;
            for (ulong i = 0; i < commands; i++)
            {
                string line = s_rotation[i % (ulong)s_rotation.Length];
                if (line == "free")
                    line = "free " + lastAddress;
                else if (line == "pmfree")
                    line = "pmfree " + lastAddress + " 2";
                KernelConsole.BeginCapture(captured, CaptureChars);
                shell.RunLine(line);
                int length = KernelConsole.EndCapture();
                string output = new string(captured, 0, length);
                if (output.StartsWith("0x"))
                    lastAddress = output.Substring(0, output.IndexOf(' '));
                if (HasLineStartingWith(output, "error:") || HasLineStartingWith(output, "FAIL "))
                {
                    if (errors++ == 0)
                        KernelConsole.WriteLine("soak: command " + Format.Decimal(i + 1) + " '" + line + "' answered: " + output.TrimEnd());
                }
                if (i + 1 == 100 || i + 1 == commands)
                    Report(i + 1, errors);
            }
            KernelConsole.WriteLine("soak: done");
        }

        private static bool HasLineStartingWith(string output, string start) =>
            output.StartsWith(start) || output.Contains("\n" + start);

        /// <summary>One line the test runner reads: after a collection, heap bytes and used pages.</summary>
        private static void Report(ulong commands, ulong errors)
        {
            GarbageCollector.Collect();
            CollectionStatistics gc = GarbageCollector.Statistics;
            KernelConsole.WriteLine("soak: after " + Format.Decimal(commands) + " commands: heap "
                + Format.Decimal(KernelMemory.Heap.GetStats().HeapBytes) + " bytes, pages used "
                + Format.Decimal(KernelMemory.Pages.UsedPages) + ", live objects " + Format.Decimal(gc.ObjectsAfter)
                + ", collections " + Format.Decimal(gc.Collections) + ", errors " + Format.Decimal(errors));
        }
    }
}
