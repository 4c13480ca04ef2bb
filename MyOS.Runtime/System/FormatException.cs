namespace System
{
    /// <summary>The standard FormatException; a throw of it ends in a kernel panic report with its name and message.</summary>
    public class FormatException : Exception
    {
        /// <summary>With the standard message.</summary>
        public FormatException() : base("One of the identified items was in an invalid format.") { }

        /// <summary>With a message.</summary>
        public FormatException(string message) : base(message) { }

        /// <summary>"FormatException".</summary>
        public override string Name => "FormatException";
    }
}
