using System.Runtime.InteropServices;
using MyOS.Core.Arch.X64.Bridge.Import;

namespace MyOS.Core.Arch.X64.Interrupts
{
    /// <summary>
    /// The IDT: 256 gates of 16 bytes. Vectors 0-47 point at the assembly stubs, which call
    /// <see cref="Dispatch"/>; CPU exceptions (0-31) in managed code may become .NET exceptions
    /// (<see cref="ManagedFaults"/>), the others end in a panic report; hardware IRQs (32-47) go
    /// to the handler registered for them.
    /// </summary>
    public static unsafe class InterruptDescriptorTable
    {
        private const int GateCount = 256;
        private const int StubCount = 48;
        /// <summary>First vector of the hardware IRQs (after the PIC is remapped).</summary>
        public const int FirstIrqVector = 32;
        /// <summary>Kernel code segment selector set up by the boot stub's GDT.</summary>
        private const ushort KernelCodeSelector = 0x08;
        /// <summary>Present, ring 0, 64-bit interrupt gate (interrupts off inside handlers).</summary>
        private const byte InterruptGateType = 0x8E;

        /// <summary>Storage for the gates (two ulongs each) and the IRQ handlers, in the kernel's .bss.</summary>
        private struct Tables
        {
            public fixed ulong Gates[GateCount * 2];
            public fixed ulong IrqHandlers[16];
        }

        /// <summary>The tables; a non-GC static, so its address never changes.</summary>
        private static Tables s_tables;
        /// <summary>The gates inside <see cref="s_tables"/>.</summary>
        private static ulong* s_gates;
        /// <summary>IRQ handlers by IRQ number 0-15; null where none is registered.</summary>
        private static delegate*<void>* s_irqHandlers;
        /// <summary>Called for CPU exceptions; set by the kernel's panic code.</summary>
        private static delegate*<InterruptFrame*, void> s_exceptionHandler;

        /// <summary>Builds the table, loads it with LIDT, and routes exceptions to <paramref name="exceptionHandler"/>.</summary>
        public static void Install(delegate*<InterruptFrame*, void> exceptionHandler)
        {
            s_exceptionHandler = exceptionHandler;
            fixed (ulong* gates = s_tables.Gates)
                s_gates = gates;
            fixed (ulong* handlers = s_tables.IrqHandlers)
                s_irqHandlers = (delegate*<void>*)handlers;
            for (int vector = 0; vector < StubCount; vector++)
                SetGate(vector, NativeCpu.InterruptStubAddress(vector));

            NativeCpu.SetInterruptDispatcher(&Dispatch);
            ulong* descriptor = stackalloc ulong[2];
            // { ushort limit; ulong base } packed: limit in the low 16 bits, base after it.
            *(ushort*)descriptor = GateCount * 16 - 1;
            *(ulong*)((byte*)descriptor + 2) = (ulong)s_gates;
            NativeCpu.LoadIdt(descriptor);
        }

        /// <summary>Registers the handler for hardware IRQ <paramref name="irq"/> (0-15).</summary>
        public static void SetIrqHandler(int irq, delegate*<void> handler)
        {
            if ((uint)irq < 16)
                s_irqHandlers[irq] = handler;
        }

        private static void SetGate(int vector, ulong handler)
        {
            ulong low = (handler & 0xFFFF)
                | ((ulong)KernelCodeSelector << 16)
                | ((ulong)InterruptGateType << 40)
                | ((handler >> 16) & 0xFFFF) << 48;
            s_gates[vector * 2] = low;
            s_gates[vector * 2 + 1] = handler >> 32;
        }

        [UnmanagedCallersOnly]
        private static void Dispatch(InterruptFrame* frame)
        {
            if (frame->Vector < FirstIrqVector)
            {
                if (!ManagedFaults.TryConvert(frame))
                    s_exceptionHandler(frame);
                return;
            }
            int irq = (int)frame->Vector - FirstIrqVector;
            delegate*<void> handler = s_irqHandlers[irq];
            ManagedFaults.s_handlerDepth++;
            if (handler != null)
                handler();
            ManagedFaults.s_handlerDepth--;
            ProgrammableInterruptController.EndOfInterrupt(irq);
        }
    }
}
