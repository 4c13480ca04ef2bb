using System;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>A virtual machine could not be started, connected to or stopped as required.</summary>
    public sealed class VirtualMachineException : Exception
    {
        /// <summary>Creates the exception with a message that says which VM and what went wrong.</summary>
        public VirtualMachineException(string message, Exception inner = null) : base(message, inner) { }
    }
}
