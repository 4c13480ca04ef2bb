namespace System
{
    /// <summary>The standard NotSupportedException; a throw of it ends in a kernel panic report with its name and message.</summary>
    public class NotSupportedException : Exception
    {
        /// <summary>With the standard message.</summary>
        public NotSupportedException() : base("Specified method is not supported.") { }

        /// <summary>With a message.</summary>
        public NotSupportedException(string message) : base(message) { }

        /// <summary>"NotSupportedException".</summary>
        public override string Name => "NotSupportedException";
    }
}
