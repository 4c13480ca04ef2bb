using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Boot;
using MyOS.Core.Memory;
using MyOS.Core.Text;

namespace MyOS.Core.Console
{
    /// <summary>
    /// The kernel's one text console: everything written goes to the screen and to COM1.
    /// The screen is one of two back ends behind <see cref="TextScreen"/>, chosen from the boot
    /// information: VGA text mode when the machine booted in it (BIOS), a framebuffer drawn with
    /// the console font when the boot loader set one up (UEFI), none when neither works (then
    /// serial alone). Serial output translates '\n' to "\r\n" so terminals show lines properly, and shows the
    /// screen's colours as ANSI SGR sequences (unless turned off: kernel option
    /// serialcolors=false). Writing numbers allocates nothing, so panic reports can use it with
    /// a broken heap.
    /// </summary>
    public static unsafe class KernelConsole
    {
        /// <summary>The serial port, or null before <see cref="Initialize"/> or when serial is off.</summary>
        private static SerialPort s_serial;
        /// <summary>The screen, or null before <see cref="Initialize"/> or when there is none.</summary>
        private static TextScreen s_screen;
        /// <summary>True when the framebuffer lies above the boot page tables' 4 GiB and waits for <see cref="AttachFramebuffer"/>.</summary>
        private static bool s_framebufferPending;
        /// <summary>Why the boot's framebuffer is not used, or null; reported once the console works.</summary>
        private static string s_screenProblem;
        /// <summary>Whether colours are sent to serial as ANSI SGR sequences.</summary>
        private static bool s_serialColors;
        /// <summary>The colours serial shows now: foreground in the low nibble, background in the high (0x07 = the terminal's default).</summary>
        private static int s_serialAttribute = DefaultAttribute;

        /// <summary>Light grey on black: the screen's normal colours, sent to serial as "reset to the terminal's own".</summary>
        private const int DefaultAttribute = 0x07;
        /// <summary>ANSI colour number (0-7) of each of the eight VGA base colours (VGA counts blue first, ANSI red first).</summary>
        private const string AnsiColorOfVga = "04261537";

        /// <summary>
        /// Brings up COM1 (when <paramref name="useSerial"/>, with colours when <paramref name="serialColors"/>)
        /// and the screen <paramref name="info"/> describes.
        /// </summary>
        public static void Initialize(bool useSerial, Multiboot2Info info, bool serialColors = true)
        {
            if (useSerial)
                s_serial = new SerialPort(SerialPort.Com1);
            s_serialColors = serialColors;
            s_screen = ChooseScreen(info);
            if (s_screen == null && !s_framebufferPending && s_serial == null)
                s_serial = new SerialPort(SerialPort.Com1);   // no screen at all: serial is the only way to talk
        }

        /// <summary>Why the boot's framebuffer is not used (one line), or null when it is or there is none.</summary>
        public static string ScreenProblem => s_screenProblem;

        /// <summary>
        /// Starts the framebuffer console if it waited for the kernel's page tables (a framebuffer
        /// above 4 GiB; KernelMemory maps it at the direct map).
        /// </summary>
        public static void AttachFramebuffer(Multiboot2Info info)
        {
            if (!s_framebufferPending)
                return;
            s_framebufferPending = false;
            s_screen = new FramebufferTextScreen(Pixels(info.Framebuffer), info.Framebuffer, ConsoleFont.Load());
        }

        /// <summary>The framebuffer's pixels, through the direct map.</summary>
        private static byte* Pixels(FramebufferInfo fb) => DirectMap.Kernel.ToPointer(new PhysicalAddress(fb.Address));

        /// <summary>The serial port, or null when serial is off.</summary>
        public static SerialPort Serial => s_serial;

        /// <summary>The screen, or null when there is none (serial only).</summary>
        public static TextScreen Screen => s_screen;

        private static TextScreen ChooseScreen(Multiboot2Info info)
        {
            if (info.HasFramebuffer && info.Framebuffer.Kind == FramebufferKind.Rgb)
            {
                FramebufferInfo fb = info.Framebuffer;
                BitmapFont font = ConsoleFont.Load();
                s_screenProblem = FramebufferTextScreen.CannotDraw(fb, font);
                if (s_screenProblem == null)
                {
                    // The boot page tables map the direct map's first 4 GiB only.
                    if (fb.Address + fb.SizeBytes > DirectMap.WholeMappedBytes)
                    {
                        s_framebufferPending = true;
                        return null;
                    }
                    return new FramebufferTextScreen(Pixels(fb), fb, font);
                }
            }
            else if (info.HasFramebuffer && info.Framebuffer.Kind != FramebufferKind.EgaText)
            {
                s_screenProblem = "the framebuffer is not direct colour";
            }
            // VGA text exists where the firmware is a PC BIOS; UEFI machines need not have it.
            if (info.HasEfiSystemTable)
                return null;
            return new VgaTextScreen();
        }

        /// <summary>Sets the colours of text written from now on, on the screen and (as SGR) on serial.</summary>
        public static void SetColors(VgaColor foreground, VgaColor background)
        {
            if (s_capture != null)
                return;   // captured text has no colours
            if (s_screen != null)
                s_screen.SetColors(foreground, background);
            int attribute = ((int)background << 4) | (int)foreground;
            if (s_serial == null || !s_serialColors || attribute == s_serialAttribute)
                return;
            s_serialAttribute = attribute;
            WriteSerialByte((char)0x1B);
            WriteSerialByte('[');
            WriteSerialByte('0');   // from the default, so no attribute of the last colour stays
            if (attribute != DefaultAttribute)
            {
                WriteSgrColor((int)foreground, 30, 90);
                if (background != VgaColor.Black)   // black stays the terminal's own background
                    WriteSgrColor((int)background, 40, 100);
            }
            WriteSerialByte('m');
        }

        /// <summary>";" and the SGR number of VGA colour <paramref name="vga"/>: base colours from <paramref name="normal"/>, bright ones from <paramref name="bright"/>.</summary>
        private static void WriteSgrColor(int vga, int normal, int bright)
        {
            int number = (vga < 8 ? normal : bright) + (AnsiColorOfVga[vga & 7] - '0');
            WriteSerialByte(';');
            if (number >= 100)
                WriteSerialByte('1');
            WriteSerialByte((char)('0' + number / 10 % 10));
            WriteSerialByte((char)('0' + number % 10));
        }

        private static void WriteSerialByte(char c) => s_serial.Write((byte)c);

        /// <summary>Clears the screen and the serial terminal (ANSI: cursor home, erase display).</summary>
        public static void Clear()
        {
            WriteSerialOnly("\x1b[H\x1b[2J");
            if (s_screen != null)
                s_screen.Clear();
        }

        /// <summary>Where output goes while captured (<see cref="BeginCapture"/>), or null.</summary>
        private static char* s_capture;
        private static int s_captureCapacity;
        private static int s_captureLength;

        /// <summary>
        /// Sends all output into <paramref name="buffer"/> instead of the screen and serial until
        /// <see cref="EndCapture"/> (what does not fit is dropped; serial-only control sequences
        /// are dropped too): for code that runs shell commands and reads their answers.
        /// </summary>
        public static void BeginCapture(char* buffer, int capacity)
        {
            s_capture = buffer;
            s_captureCapacity = capacity;
            s_captureLength = 0;
        }

        /// <summary>Ends the capture; returns the number of characters captured.</summary>
        public static int EndCapture()
        {
            s_capture = null;
            return s_captureLength;
        }

        /// <summary>Writes one character.</summary>
        public static void Write(char c)
        {
            if (s_capture != null)
            {
                if (s_captureLength < s_captureCapacity)
                    s_capture[s_captureLength++] = c;
                return;
            }
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
            if (s_serial == null || text == null || s_capture != null)
                return;
            for (int i = 0; i < text.Length; i++)
                s_serial.Write((byte)text[i]);
        }

        /// <summary>Writes one character to the serial port only.</summary>
        public static void WriteSerialOnly(char c)
        {
            if (s_serial != null && s_capture == null)
                s_serial.Write(c < 128 ? (byte)c : (byte)'?');
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
