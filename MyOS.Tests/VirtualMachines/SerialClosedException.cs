using System.IO;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>
    /// The serial connection ended (the VM exited or was killed) before the VM printed what a wait
    /// expected, or while sending. The message holds the transcript and what became of the VM.
    /// </summary>
    public sealed class SerialClosedException : IOException
    {
        /// <summary>Creates the exception; <paramref name="message"/> already includes the transcript.</summary>
        public SerialClosedException(string message, string transcript) : base(message)
        {
            Transcript = transcript;
        }

        /// <summary>Everything the VM had sent on the serial line before the connection ended.</summary>
        public string Transcript { get; }
    }
}
