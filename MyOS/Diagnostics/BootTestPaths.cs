using System.Runtime.CompilerServices;
using MyOS.Core.Boot;
using MyOS.Core.Console;
using MyOS.Core.Hardware;

namespace MyOS.Diagnostics
{
    /// <summary>
    /// Test-only kernel paths chosen by a boot option (`test=NAME` on the kernel command line,
    /// set through Cosmos.config's KernelArguments or by the test runner). Each one makes the
    /// kernel fail in a known way, so tests can check that the failure is reported properly.
    /// </summary>
    public static unsafe class BootTestPaths
    {
        /// <summary>Runs the path the command line asks for, if any; most never return.</summary>
        public static void RunIfRequested(KernelCommandLine commandLine)
        {
            if (!commandLine.Has("test"))
                return;
            KernelConsole.WriteLine("Boot option test=... given: running a test-only kernel path.");
            if (commandLine.Has("test", "fault-null"))
                WriteThroughNull();
            else if (commandLine.Has("test", "divide-zero"))
                KernelConsole.WriteDecimal((long)DivideBy(0));
            else if (commandLine.Has("test", "hang"))
                Hang();
            else
                KernelConsole.WriteLine("error: unknown test path; expected fault-null, divide-zero or hang");
        }

        /// <summary>Stores through a null pointer: the page at 0 is not mapped, so this page-faults.</summary>
        private static void WriteThroughNull()
        {
            int* nowhere = null;
            *nowhere = 0x1234;
        }

        /// <summary>Integer division the compiler cannot fold (not inlined): x86 raises #DE for a zero divisor.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int DivideBy(int divisor) => 1000 / divisor;

        /// <summary>Never returns and never shows a prompt: the test runner must time out and kill the VM.</summary>
        private static void Hang()
        {
            while (true)
                Cpu.WaitForInterrupt();
        }
    }
}
