namespace System
{
    /// <summary>
    /// The base class of exceptions. MyOS does not catch exceptions: a `throw` ends in a kernel
    /// panic report naming the exception and its message.
    /// </summary>
    public class Exception
    {
        /// <summary>What went wrong.</summary>
        private readonly string _message;

        /// <summary>An exception with a generic message.</summary>
        public Exception() => _message = "An exception was thrown.";

        /// <summary>An exception with a message.</summary>
        public Exception(string message) => _message = message;

        /// <summary>What went wrong.</summary>
        public virtual string Message => _message;

        /// <summary>The exception's type name for the panic report (MyOS keeps no reflection data).</summary>
        public virtual string Name => "Exception";
    }
}
