using System;
using System.Runtime.CompilerServices;

namespace MyOS.Diagnostics.Tests.Exceptions
{
    /// <summary>
    /// Throws during handling: `throw;` in a catch rethrows the same object with its trace
    /// kept; a new exception thrown inside a catch or a finally replaces the first one and is
    /// caught outside; one thrown and caught inside a finally leaves the first dispatch going.
    /// </summary>
    public sealed class NestedThrowTest : KernelTest
    {
        public override string Name => "exceptions.nested";

        protected override void Execute()
        {
            Exception original = new InvalidOperationException("original");
            Exception seen = null;
            try
            {
                RethrowAfterCatch(original);
            }
            catch (InvalidOperationException e)
            {
                seen = e;
            }
            Check(ReferenceEquals(seen, original), "throw; rethrows the same object");
            string trace = seen?.StackTrace ?? "";
            Check(trace.Contains("Thrower.Throw") && trace.Contains("RethrowAfterCatch"),
                "the rethrown exception's trace keeps the original thrower and the rethrowing method: " + trace);

            string result = "";
            try
            {
                try
                {
                    Thrower.Throw(new FormatException("first"));
                }
                catch (FormatException)
                {
                    Thrower.Throw(new ArgumentException("from catch"));
                }
            }
            catch (ArgumentException e)
            {
                result = e.Message;
            }
            Check(result == "from catch", "an exception thrown inside a catch is caught outside: " + result);

            result = "";
            int finallyAfter = 0;
            try
            {
                try
                {
                    Thrower.Throw(new FormatException("first"));
                }
                finally
                {
                    Thrower.Throw(new ArgumentException("from finally"));
                }
            }
            catch (FormatException)
            {
                result = "first";
            }
            catch (ArgumentException e)
            {
                result = e.Message;
            }
            finally
            {
                finallyAfter++;
            }
            Check(result == "from finally" && finallyAfter == 1,
                "an exception thrown inside a finally replaces the first one: " + result);

            result = "";
            try
            {
                try
                {
                    Thrower.Throw(new FormatException("outer"));
                }
                finally
                {
                    try
                    {
                        Thrower.Throw(new ArgumentException("inside finally"));
                    }
                    catch (ArgumentException e)
                    {
                        result = e.Message + ";";
                    }
                }
            }
            catch (FormatException e)
            {
                result += e.Message;
            }
            Check(result == "inside finally;outer",
                "an exception caught inside a finally leaves the first dispatch going: " + result);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void RethrowAfterCatch(Exception exception)
        {
            try
            {
                Thrower.Throw(exception);
            }
            catch (InvalidOperationException)
            {
                throw;
            }
        }
    }
}
