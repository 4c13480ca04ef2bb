using Internal.Runtime;

namespace System
{
    /// <summary>
    /// The base class of exceptions. MyOS does not catch exceptions: a `throw` ends in a kernel
    /// panic report naming the exception and its message. Without reflection, the runtime's
    /// own exception types override <see cref="Name"/>; other types are named by their
    /// MethodTable address (see <see cref="TypeNames"/>) unless they override it too.
    /// </summary>
    public unsafe class Exception
    {
        /// <summary>What went wrong.</summary>
        private readonly string _message;

        /// <summary>An exception with a generic message.</summary>
        public Exception() => _message = "An exception was thrown.";

        /// <summary>An exception with a message.</summary>
        public Exception(string message) => _message = message;

        /// <summary>What went wrong.</summary>
        public virtual string Message => _message;

        /// <summary>The exception's type name for the panic report.</summary>
        public virtual string Name
        {
            get
            {
                // System.Exception itself derives directly from object.
                MethodTable* type = m_pEEType;
                return type->RelatedType->RelatedType == null ? "Exception" : "Exception subclass " + TypeNames.Describe(type);
            }
        }

        /// <summary>Name and message.</summary>
        public override string ToString() => Name + ": " + Message;
    }
}
