namespace MyOS.Core.Arch.X64.Hardware
{
    /// <summary>
    /// A 16550 UART (COM1 at 0x3F8 by default), 115200 baud, 8 data bits, no parity, 1 stop
    /// bit. Every write waits for the transmit register to empty: Bochs drops bytes otherwise.
    /// </summary>
    public sealed class SerialPort
    {
        /// <summary>I/O base of COM1.</summary>
        public const ushort Com1 = 0x3F8;

        private const int LineStatusTransmitEmpty = 0x20;
        private const int LineStatusDataReady = 0x01;

        /// <summary>The UART's first register port.</summary>
        private readonly ushort _base;

        /// <summary>Programs the UART at <paramref name="basePort"/> for 115200 8N1 with FIFOs on.</summary>
        public SerialPort(ushort basePort)
        {
            _base = basePort;
            Ports.Write8((ushort)(_base + 1), 0x00);    // no UART interrupts yet
            Ports.Write8((ushort)(_base + 3), 0x80);    // DLAB on: next two writes set the divisor
            Ports.Write8((ushort)(_base + 0), 0x01);    // divisor 1 = 115200 baud
            Ports.Write8((ushort)(_base + 1), 0x00);
            Ports.Write8((ushort)(_base + 3), 0x03);    // 8 bits, no parity, 1 stop bit, DLAB off
            Ports.Write8((ushort)(_base + 2), 0xC7);    // FIFOs on and cleared, 14-byte threshold
            Ports.Write8((ushort)(_base + 4), 0x0B);    // DTR, RTS, OUT2 (OUT2 gates the IRQ line)
        }

        /// <summary>Sends one byte, waiting until the UART can take it.</summary>
        public void Write(byte value)
        {
            while ((Ports.Read8((ushort)(_base + 5)) & LineStatusTransmitEmpty) == 0)
            {
            }
            Ports.Write8(_base, value);
        }

        /// <summary>Raises the UART's IRQ whenever a byte arrives.</summary>
        public void EnableReceiveInterrupt() => Ports.Write8((ushort)(_base + 1), 0x01);

        /// <summary>Whether a received byte is waiting.</summary>
        public bool HasData => (Ports.Read8((ushort)(_base + 5)) & LineStatusDataReady) != 0;

        /// <summary>Takes a received byte; -1 when none is waiting.</summary>
        public int TryRead() => HasData ? Ports.Read8(_base) : -1;
    }
}
