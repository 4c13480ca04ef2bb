using MyOS.Core;
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
            new RuntimeDispatchTest(),
            new RuntimeCastTest(),
            new RuntimeGenericsTest(),
            new RuntimeSwitchTest(),
            new RuntimeStaticsTest(),
            new RuntimeStringsTest(),
            new RuntimeNumbersTest(),
            new RuntimeArraysTest(),
            new RuntimeCollectionsTest(),
            new RuntimeDelegatesTest(),
            new RuntimeConsoleTest(),
            new FirmwareTablesTest(),
            new KernelPageTablesTest(),
            new TimerTicksTest(),
            new KernelCommandLineTest(),
            // Ordinary C# on .NET's own core library.
            new Tests.CSharp.LinqTest(),
            new Tests.CSharp.IteratorsTest(),
            new Tests.CSharp.DelegatesAndRecordsTest(),
            new Tests.CSharp.FormattingTest(),
            new Tests.CSharp.CollectionsTest(),
            new Tests.CSharp.RuntimeTypesTest(),
            new Tests.CSharp.ConsoleInputTest(),
            // The garbage collector.
            new Tests.GarbageCollection.SurvivorsTest(),
            new Tests.GarbageCollection.ReclaimTest(),
            new Tests.GarbageCollection.WeakReferencesTest(),
            new Tests.GarbageCollection.FinalizersTest(),
            // Exception handling.
            new Tests.Exceptions.ClauseSelectionTest(),
            new Tests.Exceptions.FilterTest(),
            new Tests.Exceptions.FinallyOrderTest(),
            new Tests.Exceptions.NestedThrowTest(),
            new Tests.Exceptions.UnwindTest(),
            new Tests.Exceptions.FaultsAndCoreLibTest(),
            new Tests.Exceptions.StackTraceTest(),
        };

        /// <summary>Prints every test's name, one per line.</summary>
        public static void List()
        {
            KernelTest[] tests = WithBootOptionTests(CreateAll());
            for (int i = 0; i < tests.Length; i++)
                KernelConsole.WriteLine(tests[i].Name);
        }

        /// <summary>Every test's name, in running order (for Tab completion).</summary>
        public static string[] Names()
        {
            KernelTest[] tests = WithBootOptionTests(CreateAll());
            string[] names = new string[tests.Length];
            for (int i = 0; i < tests.Length; i++)
                names[i] = tests[i].Name;
            return names;
        }

        /// <summary>
        /// Runs the tests whose name starts with <paramref name="prefix"/> (all for null); returns
        /// the number that failed. A prefix that names no test is an error line listing the valid
        /// prefixes (the part of each name before its first '.'), and runs nothing.
        /// </summary>
        public static int Run(string prefix)
        {
            KernelTest[] tests = WithBootOptionTests(CreateAll());
            if (prefix != null && !AnyStartsWith(tests, prefix))
            {
                KernelConsole.WriteLine("error: no test name starts with '" + prefix + "'; valid prefixes: " + GroupList(tests) + " (or a longer part of a name; 'test list' shows them)");
                return 0;
            }
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

        private static bool AnyStartsWith(KernelTest[] tests, string prefix)
        {
            for (int i = 0; i < tests.Length; i++)
            {
                if (tests[i].Name.StartsWith(prefix))
                    return true;
            }

            return false;
        }

        /// <summary>The distinct groups of the test names (before the first '.'), comma separated, in running order.</summary>
        private static string GroupList(KernelTest[] tests)
        {
            string list = "";
            for (int i = 0; i < tests.Length; i++)
            {
                string name = tests[i].Name;
                int dot = name.IndexOf('.');
                string group = dot < 0 ? name : name.Substring(0, dot);
                bool seen = false;
                for (int j = 0; j < i && !seen; j++)
                    seen = tests[j].Name.StartsWith(group) && (tests[j].Name.Length == group.Length || tests[j].Name[group.Length] == '.');
                if (!seen)
                    list = list.Length == 0 ? group : list + ", " + group;
            }
            return list;
        }

        /// <summary>
        /// <paramref name="tests"/>, plus <see cref="AlwaysFailsTest"/> when the boot option
        /// test=failing-kernel-test is given: the host runner boots with it to check that a failing
        /// kernel test fails the run and is named. Never part of a normal boot.
        /// </summary>
        private static KernelTest[] WithBootOptionTests(KernelTest[] tests)
        {
            if (KernelBoot.CommandLine == null || !KernelBoot.CommandLine.Has("test", "failing-kernel-test"))
                return tests;
            KernelTest[] extended = new KernelTest[tests.Length + 1];
            for (int i = 0; i < tests.Length; i++)
                extended[i] = tests[i];
            extended[tests.Length] = new AlwaysFailsTest();
            return extended;
        }

        /// <summary>A test that always fails with a known reason (boot option test=failing-kernel-test only).</summary>
        private sealed class AlwaysFailsTest : KernelTest
        {
            public override string Name => "selftest.always-fails";

            protected override void Execute() => Check(false, "deliberate failure requested by boot option test=failing-kernel-test");
        }
    }
}
