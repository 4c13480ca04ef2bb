namespace System
{
    /// <summary>The standard ArgumentOutOfRangeException; a throw of it ends in a kernel panic report with its name and message.</summary>
    public class ArgumentOutOfRangeException : ArgumentException
    {
        /// <summary>With the standard message.</summary>
        public ArgumentOutOfRangeException() : base("Specified argument was out of the range of valid values.") { }

        /// <summary>With a message.</summary>
        public ArgumentOutOfRangeException(string message) : base(message) { }

        /// <summary>"ArgumentOutOfRangeException".</summary>
        public override string Name => "ArgumentOutOfRangeException";
    }
}
