namespace System
{
    /// <summary>The standard InvalidOperationException; a throw of it ends in a kernel panic report with its name and message.</summary>
    public class InvalidOperationException : Exception
    {
        /// <summary>With the standard message.</summary>
        public InvalidOperationException() : base("Operation is not valid due to the current state of the object.") { }

        /// <summary>With a message.</summary>
        public InvalidOperationException(string message) : base(message) { }

        /// <summary>"InvalidOperationException".</summary>
        public override string Name => "InvalidOperationException";
    }
}
