using System.Runtime.InteropServices;

namespace MyOS.Runtime.OperatingSystem
{
    /// <summary>System.Native's PollEvent: a descriptor, the events asked for, and those that happened.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct PollEvent
    {
        public int FileDescriptor;
        public short Events;
        public short TriggeredEvents;

        /// <summary>PAL_POLLIN, PAL_POLLOUT.</summary>
        public const short In = 0x0001, Out = 0x0004;
    }
}
