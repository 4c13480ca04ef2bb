using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace MyOS.Diagnostics.Tests.Exceptions
{
    /// <summary>
    /// Exceptions that are not `throw` statements in kernel code: CPU faults made into
    /// exceptions (a null dereference's page fault, a division's #DE) and exceptions CoreLib
    /// throws (LINQ on an empty sequence, int.Parse, a missing dictionary key, a bounds check,
    /// a bad cast), each caught with its type and .NET's message.
    /// </summary>
    public sealed class FaultsAndCoreLibTest : KernelTest
    {
        public override string Name => "exceptions.faults-and-corelib";

        private sealed class Holder
        {
            public int Value;
        }

        protected override void Execute()
        {
            Exception e = Capture(() => ReadField(null));
            Check(e is NullReferenceException, "a null dereference (page fault) is a NullReferenceException: " + Describe(e));
            Check(e != null && (e.StackTrace ?? "").Contains("ReadField"), "its stack trace starts in the faulting method: " + e?.StackTrace);

            e = Capture(() => Divide(7, 0));
            Check(e is DivideByZeroException, "an integer division by zero (#DE) is a DivideByZeroException: " + Describe(e));
            Check(e != null && e.Message == "Attempted to divide by zero.", "with .NET's message: " + e?.Message);

            int after = Divide(42, 6);
            Check(after == 7, "division works after the fault");

            e = Capture(() => new List<int>().First());
            Check(e is InvalidOperationException && e.Message == "Sequence contains no elements",
                "LINQ First on an empty list: " + Describe(e));
            e = Capture(() => int.Parse("x"));
            Check(e is FormatException, "int.Parse(\"x\"): " + Describe(e));
            e = Capture(() => new Dictionary<string, int>()["missing"]);
            Check(e is KeyNotFoundException && e.Message.Contains("missing"), "a missing dictionary key: " + Describe(e));
            int[] three = new int[3];
            e = Capture(() => three[Index(3)]);
            Check(e is IndexOutOfRangeException, "an array bounds check: " + Describe(e));
            e = Capture(() => CastToString(new object()).Length);
            Check(e is InvalidCastException, "a bad cast: " + Describe(e));
            e = Capture(() => checked(Index(int.MaxValue) + 1));
            Check(e is OverflowException, "checked arithmetic: " + Describe(e));
        }

        private static Exception Capture(Func<int> action)
        {
            try
            {
                action();
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        }

        private static string Describe(Exception e) => e == null ? "nothing thrown" : e.GetType().Name + ": " + e.Message;

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int ReadField(Holder holder) => holder.Value;

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int Divide(int a, int b) => a / b;

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int Index(int i) => i;

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static string CastToString(object value) => (string)value;
    }
}
