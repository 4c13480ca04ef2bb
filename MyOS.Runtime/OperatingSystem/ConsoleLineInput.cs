using MyOS.Core.Console;
using MyOS.Core.Hardware;
using MyOS.Core.Input;

namespace MyOS.Runtime.OperatingSystem
{
    /// <summary>
    /// Standard input for CoreLib's Console: the kernel's terminal line discipline. Keys from
    /// the keyboard and serial are echoed and collected into a line, with Backspace erasing and
    /// Ctrl-C abandoning it, other keys (arrows, F-keys) ignored; Enter hands the line over, ended by '\n', as
    /// UTF-8. Reads block (the CPU halts between interrupts) until a line is complete, then
    /// return as much of it as fits; the rest waits for the next read.
    /// </summary>
    internal static unsafe class ConsoleLineInput
    {
        private const int MaxLine = 1024;

        /// <summary>Keys as typed (serial escape sequences decoded, so arrows and F-keys never become text).</summary>
        private static KeyReader s_keys;
        /// <summary>The line being typed, as UTF-16 code units.</summary>
        private static char[] s_editing;
        private static int s_editingLength;
        /// <summary>A completed line not yet read in full, as UTF-8.</summary>
        private static byte[] s_ready;
        private static int s_readyStart;
        private static int s_readyLength;

        /// <summary>read(0, ...): at least one byte, blocking until a line is complete.</summary>
        internal static int Read(byte* buffer, int count)
        {
            if (count <= 0)
                return 0;
            while (s_readyStart == s_readyLength)
                CollectLine();
            int n = s_readyLength - s_readyStart < count ? s_readyLength - s_readyStart : count;
            for (int i = 0; i < n; i++)
                buffer[i] = s_ready[s_readyStart + i];
            s_readyStart += n;
            return n;
        }

        /// <summary>Whether input is waiting, after waiting up to <paramref name="milliseconds"/> (-1: until there is).</summary>
        internal static bool WaitForInput(int milliseconds)
        {
            ulong deadline = ProgrammableIntervalTimer.UptimeMilliseconds + (ulong)(milliseconds < 0 ? 0 : milliseconds);
            s_keys ??= new KeyReader();
            while (s_readyStart == s_readyLength && !s_keys.HasInput)
            {
                if (milliseconds >= 0 && ProgrammableIntervalTimer.UptimeMilliseconds >= deadline)
                    return false;
                Cpu.WaitForInterrupt();
            }
            return true;
        }

        /// <summary>Edits one line from the keys typed until Enter, then makes it ready.</summary>
        private static void CollectLine()
        {
            s_editing ??= new char[MaxLine];
            s_keys ??= new KeyReader();
            s_editingLength = 0;
            while (true)
            {
                int key = s_keys.ReadKey();
                if (key == Keys.Enter)
                {
                    KernelConsole.WriteLine();
                    MakeReady();
                    return;
                }
                if (key == Keys.Backspace || key == Keys.DeleteCharacter)
                {
                    if (s_editingLength > 0)
                    {
                        s_editingLength--;
                        KernelConsole.Write("\b \b");
                    }
                }
                else if (key == Keys.Cancel)
                {
                    KernelConsole.WriteLine("^C");
                    s_editingLength = 0;
                }
                else if (key >= ' ' && key <= 0xFF && key != Keys.DeleteCharacter && s_editingLength < MaxLine - 1)
                {
                    s_editing[s_editingLength++] = (char)key;
                    KernelConsole.Write((char)key);
                }
            }
        }

        private static void MakeReady()
        {
            int bytes = System.Text.Encoding.UTF8.GetByteCount(s_editing, 0, s_editingLength) + 1;
            if (s_ready == null || s_ready.Length < bytes)
                s_ready = new byte[bytes < MaxLine * 3 ? MaxLine * 3 : bytes];
            s_readyLength = System.Text.Encoding.UTF8.GetBytes(s_editing, 0, s_editingLength, s_ready, 0);
            s_ready[s_readyLength++] = (byte)'\n';
            s_readyStart = 0;
        }
    }
}
