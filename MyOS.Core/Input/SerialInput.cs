using MyOS.Core.Hardware;
using MyOS.Core.Interrupts;

namespace MyOS.Core.Input
{
    /// <summary>Bytes received on COM1 (IRQ 4) go into the <see cref="InputQueue"/>, as typed keys do.</summary>
    public static unsafe class SerialInput
    {
        /// <summary>COM1's IRQ line.</summary>
        private const int Com1Irq = 4;

        /// <summary>The port whose bytes are taken; null when serial is off.</summary>
        private static SerialPort s_port;

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
            // Drain the FIFO: one interrupt may stand for several bytes.
            int value;
            while ((value = s_port.TryRead()) >= 0)
                InputQueue.Put(value);
        }
    }
}
