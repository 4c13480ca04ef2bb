namespace System
{
    /// <summary>The standard NotImplementedException; a throw of it ends in a kernel panic report with its name and message.</summary>
    public class NotImplementedException : Exception
    {
        /// <summary>With the standard message.</summary>
        public NotImplementedException() : base("The method or operation is not implemented.") { }

        /// <summary>With a message.</summary>
        public NotImplementedException(string message) : base(message) { }

        /// <summary>"NotImplementedException".</summary>
        public override string Name => "NotImplementedException";
    }
}
