namespace MyOS.Core.Input
{
    /// <summary>
    /// The one queue of typed input: the keyboard and the serial port (both from their
    /// interrupt handlers) put keys in, the shell takes them out. A fixed ring of ints so that
    /// interrupt handlers never allocate. Keyboard keys are <see cref="Keys"/> codes, already
    /// decoded; serial bytes are raw (a terminal's escape sequences are decoded by the reader,
    /// which needs time-outs) and carry <see cref="SerialByteFlag"/>. When full, serial input is held back in the UART (its IRQ
    /// masked) until there is room, so pasted text is never lost; keyboard keys are dropped.
    /// </summary>
    public static class InputQueue
    {
        private const int Capacity = 1024;

        /// <summary>Added to a byte from the serial port, so the reader can tell it from a keyboard key.</summary>
        public const int SerialByteFlag = 0x10000;

        /// <summary>Storage for keys (a non-GC static: its address never changes).</summary>
        private static unsafe KeyRing s_buffer;
        /// <summary>Index of the oldest key.</summary>
        private static int s_head;
        /// <summary>Index one past the newest key.</summary>
        private static int s_tail;

        /// <summary>The ring's storage, as a fixed buffer so it lives in the kernel's .bss.</summary>
        private unsafe struct KeyRing
        {
            public fixed int Keys[Capacity];
        }

        /// <summary>Whether a key is waiting.</summary>
        public static bool HasKey => s_head != s_tail;

        /// <summary>Whether no more keys fit.</summary>
        public static bool IsFull => (s_tail + 1) % Capacity == s_head;

        /// <summary>Adds a key (called from interrupt handlers); drops it when the queue is full.</summary>
        public static unsafe void Put(int key)
        {
            int next = (s_tail + 1) % Capacity;
            if (next == s_head)
                return;
            fixed (int* keys = s_buffer.Keys)
                keys[s_tail] = key;
            s_tail = next;
        }

        /// <summary>Takes the oldest key, or -1 when none is waiting. Interrupts are briefly off so a handler cannot interleave.</summary>
        public static unsafe int TryTake()
        {
            Arch.X64.Hardware.Cpu.DisableInterrupts();
            int key = -1;
            if (s_head != s_tail)
            {
                fixed (int* keys = s_buffer.Keys)
                    key = keys[s_head];
                s_head = (s_head + 1) % Capacity;
            }
            SerialInput.ResumeIfHeldBack();
            Arch.X64.Hardware.Cpu.EnableInterrupts();
            return key;
        }
    }
}
