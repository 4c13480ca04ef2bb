using MyOS.Core.Input;
using MyOS.Core.Interrupts;

namespace MyOS.Core.Hardware
{
    /// <summary>
    /// The PS/2 keyboard on IRQ 1, scancode set 1, US layout. Tracks Shift, Caps Lock and
    /// Ctrl, turns key presses into characters or <see cref="Keys"/> codes, and puts them in
    /// the <see cref="InputQueue"/>. Invariant: nothing here allocates (it runs in an interrupt).
    /// </summary>
    public static unsafe class Ps2Keyboard
    {
        private const ushort DataPort = 0x60;
        private const byte ExtendedPrefix = 0xE0;
        private const byte ReleaseBit = 0x80;

        /// <summary>Characters of set-1 scancodes 0x00-0x39 without and with Shift (0 = no character).</summary>
        private const string Plain = "\0\x1B" + "1234567890-=\b\tqwertyuiop[]\n\0asdfghjkl;'`\0\\zxcvbnm,./\0*\0 ";
        private const string Shifted = "\0\x1B" + "!@#$%^&*()_+\b\tQWERTYUIOP{}\n\0ASDFGHJKL:\"~\0|ZXCVBNM<>?\0*\0 ";

        /// <summary>Shift keys held (left and right counted together).</summary>
        private static int s_shiftDown;
        /// <summary>Ctrl held.</summary>
        private static bool s_ctrlDown;
        /// <summary>Caps Lock toggled on.</summary>
        private static bool s_capsLock;
        /// <summary>The last byte was the 0xE0 prefix of an extended key.</summary>
        private static bool s_extended;

        /// <summary>Takes IRQ 1 and lets it through the PIC.</summary>
        public static void Initialize()
        {
            while ((Ports.Read8(0x64) & 1) != 0)
                Ports.Read8(DataPort);                  // drop anything left from the firmware
            InterruptDescriptorTable.SetIrqHandler(1, &OnInterrupt);
            ProgrammableInterruptController.Unmask(1);
        }

        private static void OnInterrupt()
        {
            byte code = Ports.Read8(DataPort);
            if (code == ExtendedPrefix)
            {
                s_extended = true;
                return;
            }
            bool released = (code & ReleaseBit) != 0;
            byte key = (byte)(code & ~ReleaseBit);
            bool extended = s_extended;
            s_extended = false;

            if (key == 0x2A || key == 0x36)
            {
                s_shiftDown += released ? -1 : 1;
                if (s_shiftDown < 0)
                    s_shiftDown = 0;
                return;
            }
            if (key == 0x1D)
            {
                s_ctrlDown = !released;
                return;
            }
            if (released)
                return;
            if (key == 0x3A)
            {
                s_capsLock = !s_capsLock;
                return;
            }
            if (extended)
            {
                int special = key == 0x48 ? Keys.Up : key == 0x50 ? Keys.Down : key == 0x4B ? Keys.Left
                    : key == 0x4D ? Keys.Right : key == 0x47 ? Keys.Home : key == 0x4F ? Keys.End
                    : key == 0x53 ? Keys.Delete : key == 0x1C ? Keys.Enter : 0;
                if (special != 0)
                    InputQueue.Put(special);
                return;
            }
            if (key >= Plain.Length)
                return;
            char c = s_shiftDown > 0 ? Shifted[key] : Plain[key];
            if (c == 0)
                return;
            if (s_capsLock && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
                c = (char)(c ^ 0x20);
            if (s_ctrlDown && (c == 'c' || c == 'C'))
            {
                InputQueue.Put(Keys.Cancel);
                return;
            }
            InputQueue.Put(c);
        }
    }
}
