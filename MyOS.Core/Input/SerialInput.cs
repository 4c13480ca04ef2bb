using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Arch.X64.Interrupts;

namespace MyOS.Core.Input
{
    /// <summary>Bytes received on COM1 (IRQ 4) go into the <see cref="InputQueue"/>, as typed keys do,
    /// with flow control: the IRQ is masked while the queue is full.</summary>
    public static unsafe class SerialInput
    {
        /// <summary>COM1's IRQ line.</summary>
        private const int Com1Irq = 4;

        /// <summary>The port whose bytes are taken; null when serial is off.</summary>
        private static SerialPort s_port;
        /// <summary>True while IRQ 4 is masked because the input queue is full.</summary>
        private static bool s_heldBack;

        /// <summary>Starts taking bytes from <paramref name="port"/> by interrupt.</summary>
        public static void Initialize(SerialPort port)
        {
            if (port == null)
                return;
            s_port = port;
            InterruptDescriptorTable.SetIrqHandler(Com1Irq, &OnInterrupt);
            port.EnableReceiveInterrupt();
            ProgrammableInterruptController.Unmask(Com1Irq);
        }

        private static void OnInterrupt()
        {
            // Drain the FIFO: one interrupt may stand for several bytes. When the queue is
            // full, leave the rest in the UART and mask the IRQ: the sender waits, nothing is lost.
            while (!InputQueue.IsFull)
            {
                int value = s_port.TryRead();
                if (value < 0)
                    return;
                InputQueue.Put(InputQueue.SerialByteFlag | value);
            }
            s_heldBack = true;
            ProgrammableInterruptController.Mask(Com1Irq);
        }

        /// <summary>Called when a key was taken from the queue: lets serial input flow again if it was held back.</summary>
        internal static void ResumeIfHeldBack()
        {
            if (!s_heldBack || InputQueue.IsFull)
                return;
            s_heldBack = false;
            ProgrammableInterruptController.Unmask(Com1Irq);
        }
    }
}
