using System;
using System.Text;

namespace MyOS.Diagnostics.Tests.Exceptions
{
    /// <summary>
    /// `finally` blocks run innermost first across frames as the exception passes, before the
    /// catch, each once; `using` disposes on a throw; a finally runs on the normal path too.
    /// </summary>
    public sealed class FinallyOrderTest : KernelTest
    {
        public override string Name => "exceptions.finally-order";

        private readonly StringBuilder _sequence = new StringBuilder();

        private sealed class Resource : IDisposable
        {
            private readonly FinallyOrderTest _owner;
            private readonly string _name;
            public Resource(FinallyOrderTest owner, string name) { _owner = owner; _name = name; }
            public void Dispose() => _owner._sequence.Append("dispose " + _name + ";");
        }

        protected override void Execute()
        {
            try
            {
                Level1();
            }
            catch (InvalidOperationException e)
            {
                _sequence.Append("catch " + e.Message + ";");
            }
            string expected = "enter 1;enter 2;enter 3;finally 3;dispose r2;finally 2;finally 1;catch deep;";
            Check(_sequence.ToString() == expected, "sequence " + _sequence.ToString() + " expected " + expected);

            _sequence.Clear();
            try
            {
                _sequence.Append("body;");
            }
            finally
            {
                _sequence.Append("finally;");
            }
            Check(_sequence.ToString() == "body;finally;", "finally on the normal path");
        }

        private void Level1()
        {
            try
            {
                _sequence.Append("enter 1;");
                Level2();
            }
            finally
            {
                _sequence.Append("finally 1;");
            }
        }

        private void Level2()
        {
            try
            {
                _sequence.Append("enter 2;");
                using (new Resource(this, "r2"))
                    Level3();
            }
            finally
            {
                _sequence.Append("finally 2;");
            }
        }

        private void Level3()
        {
            try
            {
                _sequence.Append("enter 3;");
                Thrower.Throw(new InvalidOperationException("deep"));
            }
            finally
            {
                _sequence.Append("finally 3;");
            }
        }
    }
}
