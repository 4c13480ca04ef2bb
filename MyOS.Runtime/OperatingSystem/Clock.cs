using System.Runtime;
using MyOS.Core.Arch.X64.Hardware;

namespace MyOS.Runtime.OperatingSystem
{
    /// <summary>
    /// Time for CoreLib. Monotonic time (Stopwatch, Environment.TickCount64) is the timer's count
    /// since boot; GetTimestamp is in nanoseconds (Stopwatch.Frequency is 10^9 on Linux) at the
    /// timer's resolution. Wall-clock time (DateTime.UtcNow) is the CMOS clock, read once on
    /// first use, plus the timer's count since then.
    /// </summary>
    internal static class Clock
    {
        private const long TicksPerMillisecond = 10_000;

        /// <summary>100 ns ticks since 1970-01-01 UTC at timer count 0; 0 until the CMOS clock has been read.</summary>
        private static long s_bootTicks;

        [RuntimeExport("SystemNative_GetTimestamp")]
        private static ulong Timestamp() => ProgrammableIntervalTimer.UptimeMilliseconds * 1_000_000;

        [RuntimeExport("SystemNative_GetLowResolutionTimestamp")]
        private static ulong LowResolutionTimestamp() => ProgrammableIntervalTimer.UptimeMilliseconds;

        /// <summary>UTC now, in 100 ns ticks since 1970-01-01 (CoreLib adds the DateTime epoch).</summary>
        [RuntimeExport("SystemNative_GetSystemTimeAsTicks")]
        private static long SystemTimeAsTicks()
        {
            long uptimeTicks = (long)ProgrammableIntervalTimer.UptimeMilliseconds * TicksPerMillisecond;
            if (s_bootTicks == 0)
                s_bootTicks = RealTimeClock.ReadUnixSeconds() * 10_000_000 - uptimeTicks;
            return s_bootTicks + uptimeTicks;
        }
    }
}
