using MyOS.Core.Arch.X64.Interrupts;
using MyOS.Core.Input;
using MyOS.Core.Input.Decoding;

namespace MyOS.Core.Arch.X64.Hardware
{
    /// <summary>
    /// The PS/2 keyboard on IRQ 1: reads each scancode byte, lets <see cref="Ps2ScancodeDecoder"/>
    /// turn it into a key, and puts the key in the <see cref="InputQueue"/>. Invariant: nothing
    /// here allocates after <see cref="Initialize"/> (the handler runs in an interrupt).
    /// </summary>
    public static unsafe class Ps2Keyboard
    {
        private const ushort DataPort = 0x60, StatusPort = 0x64;

        /// <summary>The scancode decoder (Shift, Ctrl, lock and prefix state); null before <see cref="Initialize"/>.</summary>
        private static Ps2ScancodeDecoder s_decoder;

        /// <summary>Takes IRQ 1 and lets it through the PIC.</summary>
        public static void Initialize()
        {
            s_decoder = new Ps2ScancodeDecoder();
            while ((Ports.Read8(StatusPort) & 1) != 0)
                Ports.Read8(DataPort);                  // drop anything left from the firmware
            InterruptDescriptorTable.SetIrqHandler(1, &OnInterrupt);
            ProgrammableInterruptController.Unmask(1);
        }

        private static void OnInterrupt()
        {
            int key = s_decoder.Feed(Ports.Read8(DataPort));
            if (key != Ps2ScancodeDecoder.NoKey)
                InputQueue.Put(key);
        }
    }
}
