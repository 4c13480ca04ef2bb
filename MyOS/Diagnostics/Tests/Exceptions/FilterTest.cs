using System;

namespace MyOS.Diagnostics.Tests.Exceptions
{
    /// <summary>
    /// Exception filters (`catch ... when`): a true filter catches, a false one passes the
    /// exception on, filters run in the first pass (before any finally below runs), and a
    /// filter that throws counts as false.
    /// </summary>
    public sealed class FilterTest : KernelTest
    {
        public override string Name => "exceptions.filters";

        private string _log;

        protected override void Execute()
        {
            Check(Classify(1) == "one", "a true filter catches");
            Check(Classify(2) == "other", "a false filter passes the exception to the next clause");

            _log = "";
            try
            {
                Inner();
            }
            catch (InvalidOperationException) when (Note("filter"))
            {
                _log += "catch;";
            }
            Check(_log == "filter;finally;catch;",
                "the filter runs in the first pass, before the finally below it, then the catch: " + _log);

            string result;
            try
            {
                try
                {
                    Thrower.Throw(new FormatException("f"));
                    result = "none";
                }
                catch (FormatException) when (ThrowingFilter())
                {
                    result = "inner";
                }
            }
            catch (FormatException)
            {
                result = "outer";
            }
            Check(result == "outer", "a filter that throws counts as false: " + result);
        }

        private void Inner()
        {
            try
            {
                Thrower.Throw(new InvalidOperationException("x"));
            }
            finally
            {
                _log += "finally;";
            }
        }

        private bool Note(string what)
        {
            _log += what + ";";
            return true;
        }

        private static bool ThrowingFilter()
        {
            Thrower.Throw(new InvalidCastException("in a filter"));
            return true;
        }

        private static string Classify(int code)
        {
            try
            {
                Thrower.Throw(new ArgumentException(code.ToString()));
                return "none";
            }
            catch (ArgumentException e) when (e.Message == "1")
            {
                return "one";
            }
            catch (ArgumentException)
            {
                return "other";
            }
        }
    }
}
