using MyOS.Core.Text;

namespace MyOS.Shell
{
    /// <summary>Numbers as strings for shell output (the allocation-free formatter, wrapped).</summary>
    public static unsafe class Format
    {
        /// <summary>"0x" and upper-case hex digits.</summary>
        public static string Hex(ulong value)
        {
            char* buffer = stackalloc char[NumberFormatter.MaxLength];
            return new string(buffer, 0, NumberFormatter.FormatHex(value, 1, buffer));
        }

        /// <summary>Decimal digits.</summary>
        public static string Decimal(ulong value)
        {
            char* buffer = stackalloc char[NumberFormatter.MaxLength];
            return new string(buffer, 0, NumberFormatter.FormatDecimal(value, buffer));
        }

        /// <summary>A byte count with its unit: "512 B", "64 KiB", "12 MiB" (rounded down).</summary>
        public static string Bytes(ulong value)
        {
            if (value >= 16UL << 30)
                return Decimal(value >> 30) + " GiB";
            if (value >= 16UL << 20)
                return Decimal(value >> 20) + " MiB";
            if (value >= 16UL << 10)
                return Decimal(value >> 10) + " KiB";
            return Decimal(value) + " B";
        }
    }
}
