using MyOS.Core.Console;
using MyOS.Diagnostics.Tests;

namespace MyOS.Diagnostics
{
    /// <summary>
    /// The list of in-kernel tests and the runner behind the shell's `test` command. Output
    /// follows the shell contract: `PASS name` or `FAIL name: reason` per test, then
    /// `N passed, M failed`. `test list` prints the names only (the host test runner reads it).
    /// </summary>
    public static class KernelTestSuite
    {
        /// <summary>Every in-kernel test, in the order they run. Add new tests here.</summary>
        public static KernelTest[] CreateAll() => new KernelTest[]
        {
            new ConsoleFormattingTest(),
            new PageRunsTest(),
            new PageExhaustionTest(),
            new HeapStressTest(),
            new HeapReuseTest(),
        };

        /// <summary>Prints every test's name, one per line.</summary>
        public static void List()
        {
            KernelTest[] tests = CreateAll();
            for (int i = 0; i < tests.Length; i++)
                KernelConsole.WriteLine(tests[i].Name);
        }

        /// <summary>Runs the tests whose name starts with <paramref name="prefix"/> (all for null); returns the number that failed.</summary>
        public static int Run(string prefix)
        {
            KernelTest[] tests = CreateAll();
            ulong passed = 0, failed = 0;
            for (int i = 0; i < tests.Length; i++)
            {
                KernelTest test = tests[i];
                if (prefix != null && !test.Name.StartsWith(prefix))
                    continue;
                string failure = test.Run();
                if (failure == null)
                {
                    passed++;
                    KernelConsole.WriteLine("PASS " + test.Name);
                }
                else
                {
                    failed++;
                    KernelConsole.WriteLine("FAIL " + test.Name + ": " + failure);
                }
            }
            KernelConsole.WriteDecimal(passed);
            KernelConsole.Write(" passed, ");
            KernelConsole.WriteDecimal(failed);
            KernelConsole.WriteLine(" failed");
            return (int)failed;
        }
    }
}
