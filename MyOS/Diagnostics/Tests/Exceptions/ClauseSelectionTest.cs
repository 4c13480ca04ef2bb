using System;
using System.Runtime.CompilerServices;

namespace MyOS.Diagnostics.Tests.Exceptions
{
    /// <summary>
    /// Which catch clause takes an exception: the first matching one in source order, the
    /// innermost try first; a clause of another type lets it pass outward; catch by base class.
    /// </summary>
    public sealed class ClauseSelectionTest : KernelTest
    {
        public override string Name => "exceptions.clauses";

        protected override void Execute()
        {
            Check(Catch(() => throw new ArgumentNullException("p")) == "ArgumentNullException",
                "the most specific clause listed first catches");
            Check(Catch(() => throw new ArgumentOutOfRangeException("p")) == "ArgumentException",
                "a base-class clause catches a derived exception");
            Check(Catch(() => throw new InvalidOperationException("x")) == "Exception",
                "an exception no specific clause matches reaches catch (Exception)");
            Check(Catch(() => { }) == "none", "no exception, no clause");

            string path = "";
            try
            {
                try
                {
                    path += "a";
                    Thrower.Throw(new FormatException("inner"));
                    path += "x";
                }
                catch (InvalidCastException)
                {
                    path += "wrong";
                }
                path += "y";
            }
            catch (FormatException e) when (e.Message == "inner")
            {
                path += "b";
            }
            Check(path == "ab", "a clause of another type lets the exception pass to the outer try: " + path);

            int caught = 0;
            for (int i = 0; i < 100; i++)
            {
                try
                {
                    Thrower.Throw(new InvalidOperationException("loop"));
                }
                catch (InvalidOperationException)
                {
                    caught++;
                }
            }
            Check(caught == 100, "100 throws in a loop, each caught: " + caught.ToString());
        }

        private static string Catch(Action action)
        {
            try
            {
                action();
                return "none";
            }
            catch (ArgumentNullException)
            {
                return "ArgumentNullException";
            }
            catch (ArgumentException)
            {
                return "ArgumentException";
            }
            catch (Exception)
            {
                return "Exception";
            }
        }
    }

    /// <summary>Throws from a frame of its own (never inlined), for the exception tests.</summary>
    internal static class Thrower
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Throw(Exception exception) => throw exception;

        /// <summary>Throws from <paramref name="depth"/> frames below the caller.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static int ThrowFrom(int depth, Exception exception)
        {
            if (depth <= 1)
                throw exception;
            return ThrowFrom(depth - 1, exception) + 1;
        }
    }
}
