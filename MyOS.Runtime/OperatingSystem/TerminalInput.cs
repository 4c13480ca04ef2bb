using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Input;

namespace MyOS.Runtime.OperatingSystem
{
    /// <summary>
    /// Standard input as a terminal in raw mode, which is how CoreLib's Console reads it
    /// (ReadKey, and ReadLine with CoreLib's own echo and editing): every key typed on the
    /// keyboard or over serial, as the bytes an xterm sends for it (characters as UTF-8, Enter
    /// as CR, Backspace as DEL, arrows and editing keys as their escape sequences). Keys with no
    /// such bytes are dropped. Invariant: bytes of a key not yet read wait in s_pending.
    /// </summary>
    internal static unsafe class TerminalInput
    {
        private static KeyReader s_keys;
        private static readonly byte[] s_pending = new byte[16];
        private static int s_pendingStart, s_pendingLength;

        /// <summary>read(0, ...): at least one byte, waiting for a key if none is pending.</summary>
        internal static int Read(byte* buffer, int count)
        {
            if (count <= 0)
                return 0;
            s_keys ??= new KeyReader();
            while (s_pendingStart == s_pendingLength)
                Encode(s_keys.ReadKey());
            int n = 0;
            while (n < count && s_pendingStart < s_pendingLength)
                buffer[n++] = s_pending[s_pendingStart++];
            return n;
        }

        /// <summary>Whether input is waiting, after waiting up to <paramref name="milliseconds"/> (-1: until there is).</summary>
        internal static bool WaitForInput(int milliseconds)
        {
            s_keys ??= new KeyReader();
            ulong deadline = ProgrammableIntervalTimer.UptimeMilliseconds + (ulong)(milliseconds < 0 ? 0 : milliseconds);
            while (s_pendingStart == s_pendingLength && !s_keys.HasInput)
            {
                if (milliseconds >= 0 && ProgrammableIntervalTimer.UptimeMilliseconds >= deadline)
                    return false;
                Cpu.WaitForInterrupt();
            }
            return true;
        }

        /// <summary>Queues a terminal's answer to a cursor position query: ESC [ row ; column R (1-based).</summary>
        internal static void AnswerCursorPosition(int row, int column)
        {
            s_pendingStart = 0;
            s_pendingLength = 0;
            Put("\u001B[" + row.ToString() + ";" + column.ToString() + "R");
        }

        private static void Encode(int key)
        {
            s_pendingStart = 0;
            s_pendingLength = 0;
            switch (key & Keys.BaseMask)
            {
                case Keys.Enter: Put("\r"); return;
                case Keys.Backspace: Put("\u007F"); return;
                case Keys.Up: Put("\u001B[A"); return;
                case Keys.Down: Put("\u001B[B"); return;
                case Keys.Right: Put("\u001B[C"); return;
                case Keys.Left: Put("\u001B[D"); return;
                case Keys.Home: Put("\u001B[H"); return;
                case Keys.End: Put("\u001B[F"); return;
                case Keys.Delete: Put("\u001B[3~"); return;
                case Keys.EscapeKey: Put("\u001B"); return;
            }
            if (key >= 0 && key <= 0xFF && (key & ~Keys.BaseMask) == 0)
            {
                if (key < 0x80)
                {
                    s_pending[s_pendingLength++] = (byte)key;
                }
                else
                {
                    s_pending[s_pendingLength++] = (byte)(0xC0 | (key >> 6));
                    s_pending[s_pendingLength++] = (byte)(0x80 | (key & 0x3F));
                }
            }
        }

        private static void Put(string sequence)
        {
            for (int i = 0; i < sequence.Length; i++)
                s_pending[s_pendingLength++] = (byte)sequence[i];
        }
    }
}
