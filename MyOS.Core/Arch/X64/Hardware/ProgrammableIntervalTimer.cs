using MyOS.Core.Arch.X64.Interrupts;

namespace MyOS.Core.Arch.X64.Hardware
{
    /// <summary>
    /// The 8253/8254 PIT, channel 0 on IRQ 0, ticking <see cref="TicksPerSecond"/> times a
    /// second: the kernel's clock for uptime, and what wakes the idle loop's HLT.
    /// </summary>
    public static unsafe class ProgrammableIntervalTimer
    {
        /// <summary>Timer interrupts per second (low: each costs time under software emulation).</summary>
        public const uint TicksPerSecond = 100;
        private const uint BaseFrequency = 1193182;

        /// <summary>Ticks since <see cref="Initialize"/>.</summary>
        private static ulong s_ticks;

        /// <summary>Ticks since start-up.</summary>
        public static ulong Ticks => s_ticks;

        /// <summary>Milliseconds since start-up (at tick resolution).</summary>
        public static ulong UptimeMilliseconds => s_ticks * 1000 / TicksPerSecond;

        /// <summary>Programs channel 0 as a rate generator and lets IRQ 0 through.</summary>
        public static void Initialize()
        {
            uint divisor = BaseFrequency / TicksPerSecond;
            Ports.Write8(0x43, 0x34);                   // channel 0, low then high byte, mode 2
            Ports.Write8(0x40, (byte)divisor);
            Ports.Write8(0x40, (byte)(divisor >> 8));
            InterruptDescriptorTable.SetIrqHandler(0, &OnTick);
            ProgrammableInterruptController.Unmask(0);
        }

        private static void OnTick() => s_ticks++;
    }
}
