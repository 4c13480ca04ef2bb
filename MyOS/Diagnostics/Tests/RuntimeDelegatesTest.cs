using System;

namespace MyOS.Diagnostics.Tests
{
    /// <summary>Delegates and lambdas: Action, Func, static and instance method groups, captured variables.</summary>
    public sealed class RuntimeDelegatesTest : KernelTest
    {
        public override string Name => "runtime.delegates";

        private static int s_calls;
        private int _offset = 100;

        private static void CountCall() => s_calls++;
        private static int Twice(int x) => 2 * x;
        private int AddOffset(int x) => x + _offset;

        protected override void Execute()
        {
            Action noCapture = () => s_calls += 10;
            noCapture();
            Action staticGroup = CountCall;
            staticGroup();
            Check(s_calls == 11, "Action from a lambda and from a static method");

            Func<int> answer = () => 42;
            Func<int, int> twice = Twice;
            Func<int, int> instance = AddOffset;
            Func<int, int, int> add = (a, b) => a + b;
            Check(answer() == 42 && twice(21) == 42 && instance(1) == 101 && add(40, 2) == 42, "Func with 0, 1 and 2 arguments");

            int counter = 0;
            Action increment = () => counter++;
            increment();
            increment();
            Check(counter == 2, "lambda captures a local and changes it");
            string prefix = "id-";
            Func<int, string> label = n => prefix + n;
            prefix = "pid-";
            Check(label(7) == "pid-7", "captured variable is shared, not copied");
            Func<int, Func<int, int>> adder = x => y => x + y;
            Check(adder(3)(4) == 7, "nested closures");
            Check(Apply(x => x * x, 9) == 81 && Apply(Twice, 5) == 10, "delegates as arguments");
            Predicate<string> isEmpty = string.IsNullOrEmpty;
            Check(isEmpty("") && !isEmpty("x") && increment.Target != null, "Predicate and Target");
        }

        private static int Apply(Func<int, int> function, int value) => function(value);
    }
}
