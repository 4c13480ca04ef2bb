using System;
using System.Runtime.CompilerServices;

namespace MyOS.Diagnostics.Tests.Exceptions
{
    /// <summary>
    /// Stack traces name C# methods, innermost first: an exception's (ToString too, with the
    /// inner exception) and the current thread's (Environment.StackTrace).
    /// </summary>
    public sealed class StackTraceTest : KernelTest
    {
        public override string Name => "exceptions.stack-trace";

        protected override void Execute()
        {
            Exception caught = null;
            try
            {
                Outer();
            }
            catch (Exception e)
            {
                caught = e;
            }
            string text = caught?.ToString() ?? "";
            int inner = text.IndexOf("StackTraceTest.Inner", StringComparison.Ordinal);
            int middle = text.IndexOf("StackTraceTest.Middle", StringComparison.Ordinal);
            int outer = text.IndexOf("StackTraceTest.Outer", StringComparison.Ordinal);
            Check(inner >= 0 && middle > inner && outer > middle, "ToString lists Inner, Middle, Outer in that order: " + text);
            Check(text.Contains("InvalidOperationException: wrapper") && text.Contains("---> System.FormatException: cause"),
                "ToString names the exception and its inner exception: " + text);

            string here = Environment.StackTrace;
            Check(here.Contains("StackTraceTest.Execute"), "Environment.StackTrace names this method: " + here);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Outer() => Middle();

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Middle()
        {
            try
            {
                Inner();
            }
            catch (FormatException e)
            {
                throw new InvalidOperationException("wrapper", e);
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Inner() => throw new FormatException("cause");
    }
}
