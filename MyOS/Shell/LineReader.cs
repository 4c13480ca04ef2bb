using MyOS.Core.Console;
using MyOS.Core.Hardware;

namespace MyOS.Shell
{
    /// <summary>
    /// Reads one line of input from the serial console, echoing as it goes. Accepts CR, LF or
    /// CRLF as Enter, DEL or BS as Backspace, Ctrl-C to abandon the line. A line longer than
    /// <see cref="Capacity"/> or holding bytes that are not printable text is refused, never
    /// silently cut.
    /// </summary>
    public sealed class LineReader
    {
        /// <summary>Longest line accepted, in characters.</summary>
        public const int Capacity = 512;

        /// <summary>The characters typed so far.</summary>
        private readonly char[] _buffer = new char[Capacity];
        /// <summary>Number of characters in <see cref="_buffer"/>.</summary>
        private int _length;
        /// <summary>The last byte was CR, so an LF right after it is part of the same Enter.</summary>
        private bool _afterCarriageReturn;

        /// <summary>Why the last line was refused, or null when it was accepted.</summary>
        public string Error { get; private set; }

        /// <summary>Waits for a whole line and returns it; on a refused line returns null and sets <see cref="Error"/>.</summary>
        public string ReadLine()
        {
            _length = 0;
            bool tooLong = false, notText = false;
            Error = null;
            while (true)
            {
                int input = ReadByte();
                bool wasCarriageReturn = _afterCarriageReturn;
                _afterCarriageReturn = input == '\r';
                if (input == '\n' && wasCarriageReturn)
                    continue;
                if (input == '\r' || input == '\n')
                {
                    KernelConsole.WriteLine();
                    if (tooLong)
                        Error = "the line is longer than 512 characters";
                    else if (notText)
                        Error = "the line contains bytes that are not printable text";
                    return Error == null ? new string(_buffer, 0, _length) : null;
                }
                if (input == 3)
                {
                    // Ctrl-C: abandon the line.
                    KernelConsole.WriteLine("^C");
                    _length = 0;
                    tooLong = notText = false;
                    return "";
                }
                if (input == 8 || input == 127)
                {
                    if (_length > 0)
                    {
                        _length--;
                        KernelConsole.Write('\b');
                        KernelConsole.Write(' ');
                        KernelConsole.Write('\b');
                    }
                    continue;
                }
                if (input < 32 || input > 126)
                {
                    notText = true;
                    continue;
                }
                if (_length == Capacity)
                {
                    tooLong = true;
                    continue;
                }
                _buffer[_length++] = (char)input;
                KernelConsole.Write((char)input);
            }
        }

        /// <summary>Waits for the next byte from the serial port.</summary>
        private static int ReadByte()
        {
            SerialPort serial = KernelConsole.Serial;
            while (true)
            {
                int value = serial == null ? -1 : serial.TryRead();
                if (value >= 0)
                    return value;
                Cpu.Pause();
            }
        }
    }
}
