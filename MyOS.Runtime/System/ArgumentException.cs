namespace System
{
    /// <summary>The standard ArgumentException; a throw of it ends in a kernel panic report with its name and message.</summary>
    public class ArgumentException : Exception
    {
        /// <summary>With the standard message.</summary>
        public ArgumentException() : base("Value does not fall within the expected range.") { }

        /// <summary>With a message.</summary>
        public ArgumentException(string message) : base(message) { }

        /// <summary>"ArgumentException".</summary>
        public override string Name => "ArgumentException";
    }
}
