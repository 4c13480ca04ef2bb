using System.Runtime.CompilerServices;
using MyOS.Core;
using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Boot;
using MyOS.Core.Console;
using MyOS.Core.Memory.Heap;

namespace MyOS.Diagnostics
{
    /// <summary>
    /// Test-only kernel paths chosen by a boot option (`test=NAME` on the kernel command line,
    /// set through Cosmos.config's KernelArguments or by the test runner). Each one makes the
    /// kernel fail in a known way, so tests can check that the failure is reported properly;
    /// `test=readline` instead reads one typed line through Console.ReadLine before the shell.
    /// </summary>
    public static unsafe class BootTestPaths
    {
        /// <summary>Runs the path the command line asks for, if any; most never return.</summary>
        public static void RunIfRequested(KernelCommandLine commandLine)
        {
            if (!commandLine.Has("test"))
                return;
            KernelConsole.WriteLine("Boot option test=... given: running a test-only kernel path.");
            if (Tests.CpuFaultTriggers.RunIfRequested(commandLine))
                return;
            if (commandLine.Has("test", "fault-null"))
                WriteThroughNull();
            else if (commandLine.Has("test", "divide-zero"))
                KernelConsole.WriteDecimal((long)DivideBy(0));
            else if (commandLine.Has("test", "fault-unmapped"))
                WriteToUnmapped();
            else if (commandLine.Has("test", "hang"))
                Hang();
            else if (commandLine.Has("test", "bounds"))
                KernelConsole.WriteDecimal((long)ReadElement(new int[4], 4));
            else if (commandLine.Has("test", "null-field"))
                KernelConsole.WriteDecimal((long)ReadField(null));
            else if (commandLine.Has("test", "bad-cast"))
                KernelConsole.WriteLine(CastToString(new int[1]));
            else if (commandLine.Has("test", "throw"))
                ThrowOne();
            else if (commandLine.Has("test", "overflow"))
                KernelConsole.WriteDecimal((long)CheckedAdd(int.MaxValue, 1));
            else if (commandLine.Has("test", "heap-corrupt"))
                FreeBesideACorruptedHeader();
            else if (commandLine.Has("test", "readline"))
                ReadOneLine();
            else if (commandLine.Has("test", "failing-kernel-test"))
                return;     // not a path: KernelTestSuite adds a failing test for the runner's own test
            else if (commandLine.Has("test", "shell-throw"))
                return;     // not a path: the shell adds its `throw` command
            else if (commandLine.Has("test", "gc-pause"))
                Benchmarks.CollectorBenchmark.Run();
            else if (commandLine.Has("test", "soak"))
                return;     // run by Kernel once the shell exists (ShellSoak)
            else
                KernelConsole.WriteLine("error: unknown test path; expected fault-null, divide-zero, fault-unmapped, hang, bounds, null-field, bad-cast, throw, overflow, heap-corrupt, readline, failing-kernel-test, shell-throw, soak, gc-pause, " + Tests.CpuFaultTriggers.Names);
        }

        /// <summary>Stores through a null pointer: the page at 0 is not mapped, so this page-faults.</summary>
        private static void WriteThroughNull()
        {
            int* nowhere = null;
            *nowhere = 0x1234;
        }

        /// <summary>
        /// Stores to an unmapped lower-half address far above the null area: a page fault that
        /// stays a CPU panic (not a null dereference), whose report shows the stack trace.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void WriteToUnmapped()
        {
            int* nowhere = (int*)0x0000_4000_0000_0000;
            *nowhere = 0x1234;
        }

        /// <summary>
        /// Flips one bit of a heap block's header, as a stray write would, then frees the block
        /// before it, whose merge rewrites that header: with verify=1 the heap's debug check
        /// panics naming the damage; without it the damage is papered over and the boot goes on.
        /// </summary>
        private static void FreeBesideACorruptedHeader()
        {
            HeapAllocator heap = KernelMemory.Heap;
            byte* before = heap.Allocate(100);
            byte* victim = heap.Allocate(100);
            *(ulong*)(victim - BlockHeader.Size) ^= 1UL << 50;
            heap.Free(before);
            KernelConsole.WriteLine("heap-corrupt: the damaged header went unnoticed (boot with verify=1 to catch it)");
        }

        /// <summary>Integer division the compiler cannot fold (not inlined): x86 raises #DE for a zero divisor.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int DivideBy(int divisor) => 1000 / divisor;

        /// <summary>Reads past the end of an array: the bounds check reports IndexOutOfRangeException.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int ReadElement(int[] array, int index) => array[index];

        /// <summary>An object with a field far enough from the start to be read through a null reference.</summary>
        private sealed class Holder
        {
            public int Value;
        }

        /// <summary>Reads a field through a null reference: the null page is unmapped, so this page-faults.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int ReadField(Holder holder) => holder.Value;

        /// <summary>Casts an int[] to string: InvalidCastException naming both types.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static string CastToString(object value) => (string)value;

        /// <summary>Throws an exception with a known message.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void ThrowOne() => throw new System.InvalidOperationException("boot test: thrown on purpose");

        /// <summary>Checked addition that overflows: OverflowException.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int CheckedAdd(int a, int b) => checked(a + b);

        /// <summary>Reads a line the user types with .NET's Console.ReadLine and shows it; then the shell starts.</summary>
        private static void ReadOneLine()
        {
            System.Console.Write("Console.ReadLine: type a line> ");
            string line = System.Console.ReadLine();
            System.Console.WriteLine($"Console.ReadLine returned \"{line}\" ({line.Length} characters)");
        }

        /// <summary>Never returns and never shows a prompt: the test runner must time out and kill the VM.</summary>
        private static void Hang()
        {
            while (true)
                Cpu.WaitForInterrupt();
        }
    }
}
