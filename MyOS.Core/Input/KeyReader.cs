using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Input.Decoding;

namespace MyOS.Core.Input
{
    /// <summary>
    /// Keys as the user typed them, from the input queue: keyboard keys come decoded already,
    /// serial bytes go through a <see cref="SerialKeyDecoder"/> (escape sequences; a lone Esc is
    /// resolved by the next byte or after <see cref="EscapeTimeoutTicks"/>). Used by the shell's
    /// line reader and by the runtime's console input. Invariant: the decoder's state and the
    /// keys it completed but not yet handed out stay here between calls, so no byte is lost.
    /// </summary>
    public sealed class KeyReader
    {
        /// <summary>How long (timer ticks of 10 ms) a lone Esc or an unfinished sequence waits for its next byte.</summary>
        public const int EscapeTimeoutTicks = 10;

        private readonly SerialKeyDecoder _serialDecoder = new SerialKeyDecoder();
        /// <summary>Keys decoded but not yet handed out (one serial byte can complete two).</summary>
        private readonly int[] _pendingKeys = new int[2];
        /// <summary>How many of <see cref="_pendingKeys"/> wait, oldest first.</summary>
        private int _pendingCount;
        /// <summary>Timer tick of the latest serial byte (for the Esc time-out).</summary>
        private ulong _lastSerialTick;

        /// <summary>Whether a key or a byte is waiting (a key may still need more bytes).</summary>
        public bool HasInput => _pendingCount > 0 || InputQueue.HasKey;

        /// <summary>Waits for the next key, sleeping until an interrupt between tries.</summary>
        public int ReadKey()
        {
            while (true)
            {
                if (_pendingCount > 0)
                {
                    int key = _pendingKeys[0];
                    _pendingKeys[0] = _pendingKeys[1];
                    _pendingCount--;
                    return key;
                }
                int entry = InputQueue.TryTake();
                if (entry >= 0 && (entry & InputQueue.SerialByteFlag) == 0)
                    return entry;
                if (entry >= 0)
                {
                    _lastSerialTick = ProgrammableIntervalTimer.Ticks;
                    _pendingCount = _serialDecoder.Feed(entry & 0xFF, out _pendingKeys[0], out _pendingKeys[1]);
                    continue;
                }
                if (_serialDecoder.IsInsideSequence && ProgrammableIntervalTimer.Ticks - _lastSerialTick >= EscapeTimeoutTicks)
                {
                    int key = _serialDecoder.Flush();
                    if (key != SerialKeyDecoder.NoKey)
                        return key;
                    continue;
                }
                Cpu.WaitForInterrupt();
            }
        }
    }
}
