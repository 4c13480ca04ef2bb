using System;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>The VM did not print what a wait expected within its time limit. The message holds the transcript.</summary>
    public sealed class SerialTimeoutException : TimeoutException
    {
        /// <summary>Creates the exception; <paramref name="message"/> already includes the transcript.</summary>
        public SerialTimeoutException(string message, string expected, TimeSpan limit, string transcript) : base(message)
        {
            Expected = expected;
            Limit = limit;
            Transcript = transcript;
        }

        /// <summary>What the wait was for, in words.</summary>
        public string Expected { get; }

        /// <summary>How long the wait was allowed to take.</summary>
        public TimeSpan Limit { get; }

        /// <summary>Everything the VM had sent on the serial line when the wait gave up.</summary>
        public string Transcript { get; }
    }
}
