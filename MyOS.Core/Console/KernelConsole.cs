using MyOS.Core.Hardware;
using MyOS.Core.Text;

namespace MyOS.Core.Console
{
    /// <summary>
    /// The kernel's one text console: everything written goes to the VGA screen and to COM1.
    /// Serial output translates '\n' to "\r\n" so terminals show lines properly. Writing
    /// numbers allocates nothing, so panic reports can use it with a broken heap.
    /// </summary>
    public static unsafe class KernelConsole
    {
        /// <summary>The serial port, or null before <see cref="Initialize"/> or when serial is off.</summary>
        private static SerialPort s_serial;
        /// <summary>The screen, or null before <see cref="Initialize"/>.</summary>
        private static VgaTextScreen s_screen;

        /// <summary>Brings up COM1 (when <paramref name="useSerial"/>) and the VGA screen.</summary>
        public static void Initialize(bool useSerial)
        {
            if (useSerial)
                s_serial = new SerialPort(SerialPort.Com1);
            s_screen = new VgaTextScreen();
        }

        /// <summary>The serial port, or null when serial is off.</summary>
        public static SerialPort Serial => s_serial;

        /// <summary>The VGA screen.</summary>
        public static VgaTextScreen Screen => s_screen;

        /// <summary>Sets the screen colours of text written from now on (serial has no colours).</summary>
        public static void SetColors(VgaColor foreground, VgaColor background)
        {
            if (s_screen != null)
                s_screen.SetColors(foreground, background);
        }

        /// <summary>Writes one character.</summary>
        public static void Write(char c)
        {
            if (s_serial != null)
            {
                if (c == '\n')
                    s_serial.Write((byte)'\r');
                s_serial.Write(c < 128 ? (byte)c : (byte)'?');
            }
            if (s_screen != null)
                s_screen.Write(c);
        }

        /// <summary>Writes text to the serial port only (for terminal control sequences the screen would show as garbage).</summary>
        public static void WriteSerialOnly(string text)
        {
            if (s_serial == null || text == null)
                return;
            for (int i = 0; i < text.Length; i++)
                s_serial.Write((byte)text[i]);
        }

        /// <summary>Writes a string; null writes nothing.</summary>
        public static void Write(string text)
        {
            if (text == null)
                return;
            for (int i = 0; i < text.Length; i++)
                Write(text[i]);
        }

        /// <summary>Writes <paramref name="count"/> characters from a buffer.</summary>
        public static void Write(char* text, int count)
        {
            for (int i = 0; i < count; i++)
                Write(text[i]);
        }

        /// <summary>Writes a string and a line break.</summary>
        public static void WriteLine(string text)
        {
            Write(text);
            Write('\n');
        }

        /// <summary>Writes a line break.</summary>
        public static void WriteLine() => Write('\n');

        /// <summary>Writes an unsigned number in decimal.</summary>
        public static void WriteDecimal(ulong value)
        {
            char* buffer = stackalloc char[NumberFormatter.MaxLength];
            Write(buffer, NumberFormatter.FormatDecimal(value, buffer));
        }

        /// <summary>Writes a signed number in decimal.</summary>
        public static void WriteDecimal(long value)
        {
            char* buffer = stackalloc char[NumberFormatter.MaxLength];
            Write(buffer, NumberFormatter.FormatDecimal(value, buffer));
        }

        /// <summary>Writes "0x" and a number in hex, at least <paramref name="minDigits"/> digits.</summary>
        public static void WriteHex(ulong value, int minDigits = 1)
        {
            char* buffer = stackalloc char[NumberFormatter.MaxLength];
            Write(buffer, NumberFormatter.FormatHex(value, minDigits, buffer));
        }
    }
}
