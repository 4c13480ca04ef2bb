namespace MyOS.Diagnostics.Tests
{
    /// <summary>
    /// Static fields and static constructors: each runs once, on first use, in the order the
    /// program first touches the types; readonly statics the compiler can compute are
    /// preinitialised and need no constructor call.
    /// </summary>
    public sealed class RuntimeStaticsTest : KernelTest
    {
        public override string Name => "runtime.statics";

        /// <summary>Constructors append their letter here when they run.</summary>
        private static string s_log = "";

        private static class First
        {
            public static int Value;
            static First() { s_log += "F"; Value = Second.Value + 1; }
        }

        private static class Second
        {
            public static int Value;
            static Second() { s_log += "S"; Value = 10; }
        }

        private static class Counter
        {
            public static int Runs;
            public static readonly string Text;
            static Counter() { Runs++; Text = "counter"; }
            public static void Touch() { }
        }

        private static class Preinitialized
        {
            public static readonly int[] Primes = { 2, 3, 5, 7, 11 };
            public static readonly string Greeting = "hello";
            public static readonly int Answer = 6 * 7;
        }

        protected override void Execute()
        {
            Check(s_log == "", "no constructor ran before first use");
            Check(First.Value == 11, "dependent static constructors computed the value");
            Check(s_log == "FS", "constructors ran in first-use order (First, which used Second)");
            Check(First.Value == 11 && Second.Value == 10 && s_log == "FS", "each constructor ran only once");
            Counter.Touch();
            Counter.Touch();
            Check(Counter.Runs == 1 && Counter.Text == "counter", "static method calls run the constructor once");
            Check(Preinitialized.Answer == 42 && Preinitialized.Greeting == "hello", "preinitialised readonly statics");
            Check(Preinitialized.Primes.Length == 5 && Preinitialized.Primes[4] == 11, "preinitialised readonly array");
        }
    }
}
