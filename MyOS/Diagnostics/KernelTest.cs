namespace MyOS.Diagnostics
{
    /// <summary>
    /// One in-kernel diagnostic test, run by the shell's `test` command and by the boot tests.
    /// A test calls <see cref="Check"/> for each thing it asserts; the first failed check
    /// becomes the test's reason.
    /// </summary>
    public abstract class KernelTest
    {
        /// <summary>Why the test failed, or null while it passes.</summary>
        private string _failure;

        /// <summary>Short unique name, e.g. "pages.exhaust-and-restore" (no spaces).</summary>
        public abstract string Name { get; }

        /// <summary>Runs the test's body; report problems through <see cref="Check"/>.</summary>
        protected abstract void Execute();

        /// <summary>Runs the test; returns null when it passed, else the reason.</summary>
        public string Run()
        {
            _failure = null;
            Execute();
            return _failure;
        }

        /// <summary>Records <paramref name="reason"/> as the failure if <paramref name="condition"/> is false and none was recorded yet.</summary>
        protected bool Check(bool condition, string reason)
        {
            if (!condition && _failure == null)
                _failure = reason;
            return condition;
        }

        /// <summary>Whether a check already failed (long tests stop early).</summary>
        protected bool Failed => _failure != null;
    }
}
