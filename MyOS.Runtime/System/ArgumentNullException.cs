namespace System
{
    /// <summary>The standard ArgumentNullException; a throw of it ends in a kernel panic report with its name and message.</summary>
    public class ArgumentNullException : ArgumentException
    {
        /// <summary>With the standard message.</summary>
        public ArgumentNullException() : base("Value cannot be null.") { }

        /// <summary>With a message.</summary>
        public ArgumentNullException(string message) : base(message) { }

        /// <summary>"ArgumentNullException".</summary>
        public override string Name => "ArgumentNullException";
    }
}
