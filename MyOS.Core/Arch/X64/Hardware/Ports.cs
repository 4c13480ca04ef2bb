using MyOS.Core.Arch.X64.Bridge.Import;

namespace MyOS.Core.Arch.X64.Hardware
{
    /// <summary>x86 I/O port access (IN/OUT instructions).</summary>
    public static class Ports
    {
        /// <summary>Writes a byte to a port.</summary>
        public static void Write8(ushort port, byte value) => NativeCpu.Out8(port, value);
        /// <summary>Writes 16 bits to a port.</summary>
        public static void Write16(ushort port, ushort value) => NativeCpu.Out16(port, value);
        /// <summary>Reads a byte from a port.</summary>
        public static byte Read8(ushort port) => NativeCpu.In8(port);
        /// <summary>Reads 16 bits from a port.</summary>
        public static ushort Read16(ushort port) => NativeCpu.In16(port);
    }
}
