namespace MyOS.Core.Arch.X64.Hardware
{
    /// <summary>
    /// The CPU's time-stamp counter as a clock finer than the PIT's 10 ms: its rate is measured
    /// against the PIT between the first call to <see cref="Start"/> and now, so it grows more
    /// exact the longer the kernel runs. Invariant: until the PIT has ticked
    /// <see cref="CalibrationTicks"/> times since Start, conversions use a guess of 1 GHz.
    /// </summary>
    public static class TimestampCounter
    {
        /// <summary>PIT ticks (10 ms each) that must pass before the measured rate is trusted.</summary>
        private const ulong CalibrationTicks = 10;
        private const ulong GuessCyclesPerMicrosecond = 1000;

        private static ulong s_startCycles;
        private static ulong s_startTicks;
        private static bool s_started;

        /// <summary>Takes the reference point (once; later calls do nothing). Needs the PIT running.</summary>
        public static void Start()
        {
            if (s_started)
                return;
            s_startCycles = Cpu.ReadTimestamp();
            s_startTicks = ProgrammableIntervalTimer.Ticks;
            s_started = true;
        }

        /// <summary>Cycles per microsecond as measured so far (at least 1).</summary>
        public static ulong CyclesPerMicrosecond
        {
            get
            {
                ulong ticks = ProgrammableIntervalTimer.Ticks - s_startTicks;
                if (!s_started || ticks < CalibrationTicks)
                    return GuessCyclesPerMicrosecond;
                ulong microseconds = ticks * (1_000_000 / ProgrammableIntervalTimer.TicksPerSecond);
                ulong rate = (Cpu.ReadTimestamp() - s_startCycles) / microseconds;
                return rate == 0 ? 1 : rate;
            }
        }

        /// <summary>Converts a number of TSC cycles to microseconds.</summary>
        public static ulong ToMicroseconds(ulong cycles) => cycles / CyclesPerMicrosecond;
    }
}
