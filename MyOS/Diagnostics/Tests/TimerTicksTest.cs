using MyOS.Core.Arch.X64.Hardware;
using MyOS.Shell;

namespace MyOS.Diagnostics.Tests
{
    /// <summary>
    /// The PIT drives the kernel's clock: with interrupts on, ticks advance while the CPU halts;
    /// uptime follows the ticks; and between two changes of the real-time clock's second (one
    /// second apart) the PIT ticks about ProgrammableIntervalTimer.TicksPerSecond times. The
    /// bounds are wide (a tenth to one and a half times the rate): an emulator on a busy host
    /// can lose ticks, and what the test must catch is a timer that is off, stopped or
    /// programmed for another rate.
    /// </summary>
    public sealed class TimerTicksTest : KernelTest
    {
        /// <summary>Halts allowed while waiting for a tick or a clock second (each HLT ends at an interrupt).</summary>
        private const int MaxHalts = 100000;

        public override string Name => "timer.pit-ticks";

        protected override void Execute()
        {
            ulong start = ProgrammableIntervalTimer.Ticks;
            int halts = 0;
            while (ProgrammableIntervalTimer.Ticks < start + 3 && halts < MaxHalts)
            {
                Cpu.WaitForInterrupt();
                halts++;
            }
            ulong ticks = ProgrammableIntervalTimer.Ticks;
            if (!Check(ticks >= start + 3, "the PIT did not tick 3 times in " + Format.Decimal((ulong)halts) + " halts"))
                return;
            ulong uptime = ProgrammableIntervalTimer.UptimeMilliseconds;
            Check(uptime >= ticks * 1000 / ProgrammableIntervalTimer.TicksPerSecond,
                "uptime " + Format.Decimal(uptime) + " ms is behind the " + Format.Decimal(ticks) + " ticks counted");

            // One second of the real-time clock, from one change of its seconds to the next.
            long second = WaitForNextRtcSecond(RealTimeClock.ReadUnixSeconds());
            if (!Check(second > 0, "the real-time clock's second did not change"))
                return;
            ulong ticksAtStart = ProgrammableIntervalTimer.Ticks;
            if (!Check(WaitForNextRtcSecond(second) > 0, "the real-time clock's second did not change a second time"))
                return;
            ulong perSecond = ProgrammableIntervalTimer.Ticks - ticksAtStart;
            Check(perSecond >= ProgrammableIntervalTimer.TicksPerSecond / 10 && perSecond <= ProgrammableIntervalTimer.TicksPerSecond * 3 / 2,
                "the PIT ticked " + Format.Decimal(perSecond) + " times in one second of the real-time clock, expected about " +
                Format.Decimal(ProgrammableIntervalTimer.TicksPerSecond));
        }

        /// <summary>Halts until the RTC reads a second other than <paramref name="current"/>; returns it, or 0 if it never came.</summary>
        private static long WaitForNextRtcSecond(long current)
        {
            for (int halts = 0; halts < MaxHalts; halts++)
            {
                long now = RealTimeClock.ReadUnixSeconds();
                if (now != current)
                    return now;
                Cpu.WaitForInterrupt();
            }
            return 0;
        }
    }
}
