using System.Runtime;
using MyOS.Core.Hardware;

namespace MyOS.Runtime.OperatingSystem
{
    /// <summary>
    /// Monotonic time for Stopwatch and Environment.TickCount64: the timer's count since boot.
    /// GetTimestamp is in nanoseconds (Stopwatch.Frequency is 10^9 on Linux) at the timer's
    /// resolution.
    /// </summary>
    internal static class Clock
    {
        [RuntimeExport("SystemNative_GetTimestamp")]
        private static ulong Timestamp() => ProgrammableIntervalTimer.UptimeMilliseconds * 1_000_000;

        [RuntimeExport("SystemNative_GetLowResolutionTimestamp")]
        private static ulong LowResolutionTimestamp() => ProgrammableIntervalTimer.UptimeMilliseconds;
    }
}
