using MyOS.Core.Arch.X64.Bridge.Import;
using MyOS.Core.Arch.X64.Paging;
using MyOS.Core.Memory;

namespace MyOS.Core.Arch.X64.Hardware
{
    /// <summary>The processor: control registers, the interrupt flag, halting, the time stamp counter.</summary>
    public static class Cpu
    {
        /// <summary>CR2: the address of the last page fault.</summary>
        public static ulong ReadCr2() => NativeCpu.ReadCr2();
        /// <summary>CR3: the physical address of the top-level page table (CR3's flag bits cleared).</summary>
        public static PhysicalAddress ReadCr3() => new PhysicalAddress(NativeCpu.ReadCr3() & PageTables.AddressMask);
        /// <summary>Loads a new top-level page table, at physical <paramref name="pml4"/> (and flushes the TLB).</summary>
        public static void WriteCr3(PhysicalAddress pml4) => NativeCpu.WriteCr3(pml4.Value);
        /// <summary>The caller's stack pointer.</summary>
        public static ulong ReadStackPointer() => NativeCpu.ReadRsp();
        /// <summary>Stops taking interrupts.</summary>
        public static void DisableInterrupts() => NativeCpu.DisableInterrupts();

        /// <summary>True when RFLAGS.IF is set: false inside an interrupt handler (MyOS's gates clear it) and in cli sections.</summary>
        public static bool InterruptsEnabled => (NativeCpu.ReadRflags() & 0x200) != 0;
        /// <summary>Starts taking interrupts.</summary>
        public static void EnableInterrupts() => NativeCpu.EnableInterrupts();
        /// <summary>Sleeps until the next interrupt arrives.</summary>
        public static void WaitForInterrupt() => NativeCpu.WaitForInterrupt();
        /// <summary>A spin-wait hint (PAUSE) for polling loops.</summary>
        public static void Pause() => NativeCpu.Pause();
        /// <summary>Stops the processor for good.</summary>
        public static void HaltForever() => NativeCpu.Halt();
        /// <summary>
        /// Resets the processor the last way left: an empty IDT and a fault (a write to the null
        /// page) make the fault undeliverable, then the double fault too, and the CPU shuts down,
        /// which the chipset turns into a reset.
        /// </summary>
        public static unsafe void TripleFault()
        {
            DisableInterrupts();
            ulong* emptyIdt = stackalloc ulong[2];
            emptyIdt[0] = 0;   // limit 0, base 0
            emptyIdt[1] = 0;
            NativeCpu.LoadIdt(emptyIdt);
            *(byte*)0 = 0;
            HaltForever();
        }
        /// <summary>The time stamp counter (RDTSC): cycles since reset.</summary>
        public static ulong ReadTimestamp() => NativeCpu.ReadTimestamp();
        /// <summary>Whether the CPU has RDRAND, its hardware random number generator.</summary>
        public static bool HasRandomNumbers => NativeCpu.HasRdrand() != 0;
        /// <summary>One hardware random number (RDRAND), retried a few times as Intel advises; false when the CPU gave none.</summary>
        public static unsafe bool TryReadRandom(out ulong value)
        {
            ulong number;
            for (int tries = 0; tries < 10; tries++)
            {
                if (NativeCpu.Rdrand(&number) != 0)
                {
                    value = number;
                    return true;
                }
            }
            value = 0;
            return false;
        }
        /// <summary>The kernel stack's lowest and one-past-highest addresses (the one stack MyOS runs on).</summary>
        public static unsafe void GetStackBounds(out ulong bottom, out ulong top)
        {
            ulong low, high;
            NativeCpu.StackBounds(&low, &high);
            bottom = low;
            top = high;
        }
    }
}
