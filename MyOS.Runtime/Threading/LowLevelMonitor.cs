using System.Runtime;
using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Diagnostics;
using MyOS.Runtime.Allocation;

namespace MyOS.Runtime.Threading
{
    /// <summary>
    /// The mutex-and-condition pair under CoreLib's Lock, Monitor and wait handles. With one
    /// thread that is never preempted, acquiring never contends, so a monitor only records
    /// whether it is held. Nothing else can signal a waiter: a timed wait sleeps on the timer
    /// and times out; an untimed wait could never end, so it stops the kernel with a report
    /// instead of hanging silently.
    /// </summary>
    internal static unsafe class LowLevelMonitor
    {
        /// <summary>A monitor: 1 while held.</summary>
        private struct State
        {
            public int Held;
        }

        [RuntimeExport("SystemNative_LowLevelMonitor_Create")]
        private static State* Create() => (State*)RuntimeMemory.AllocateRaw((nuint)sizeof(State));

        [RuntimeExport("SystemNative_LowLevelMonitor_Destroy")]
        private static void Destroy(State* monitor) => RuntimeMemory.FreeRaw(monitor);

        [RuntimeExport("SystemNative_LowLevelMonitor_Acquire")]
        private static void Acquire(State* monitor) => monitor->Held = 1;

        [RuntimeExport("SystemNative_LowLevelMonitor_Release")]
        private static void Release(State* monitor) => monitor->Held = 0;

        [RuntimeExport("SystemNative_LowLevelMonitor_Signal_Release")]
        private static void SignalAndRelease(State* monitor) => monitor->Held = 0;

        [RuntimeExport("SystemNative_LowLevelMonitor_Wait")]
        private static void Wait(State* monitor) =>
            Panic.OnRuntimeError("SynchronizationLockException", "a wait without a time-out on the only thread would never end");

        /// <summary>Sleeps <paramref name="milliseconds"/> with the monitor released, then reports a time-out (0).</summary>
        [RuntimeExport("SystemNative_LowLevelMonitor_TimedWait")]
        private static int TimedWait(State* monitor, int milliseconds)
        {
            monitor->Held = 0;
            ulong until = ProgrammableIntervalTimer.UptimeMilliseconds + (ulong)(milliseconds < 0 ? 0 : milliseconds);
            while (ProgrammableIntervalTimer.UptimeMilliseconds < until)
                Cpu.WaitForInterrupt();
            monitor->Held = 1;
            return 0;
        }
    }
}
