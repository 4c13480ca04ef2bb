namespace System.Numerics
{
    /// <summary>Bit counting helpers, written portably (the x86-64 baseline has no TZCNT/LZCNT/POPCNT; QEMU's default CPU lacks BMI1).</summary>
    public static class BitOperations
    {
        /// <summary>
        /// Multiplying a power of two 2^i by this de Bruijn constant puts a distinct 6-bit
        /// pattern in the top bits for every i, so <see cref="s_bitIndex"/> maps it back to i:
        /// a bit's index in a multiply and a load, without branches.
        /// </summary>
        private const ulong DeBruijn64 = 0x03F79D71B4CB0A89UL;

        /// <summary>s_bitIndex[(2^i * DeBruijn64) >> 58] == i (the compiler preinitialises it).</summary>
        private static readonly byte[] s_bitIndex =
        {
            0, 1, 48, 2, 57, 49, 28, 3, 61, 58, 50, 42, 38, 29, 17, 4,
            62, 55, 59, 36, 53, 51, 43, 22, 45, 39, 33, 30, 24, 18, 12, 5,
            63, 47, 56, 27, 60, 41, 37, 16, 54, 35, 52, 21, 44, 32, 23, 11,
            46, 26, 40, 15, 34, 20, 31, 10, 25, 14, 19, 9, 13, 8, 7, 6,
        };

        /// <summary>Number of trailing zero bits; 64 for zero.</summary>
        public static int TrailingZeroCount(ulong value)
        {
            if (value == 0)
                return 64;
            // value & -value keeps only the lowest set bit.
            return s_bitIndex[(int)(((value & (0 - value)) * DeBruijn64) >> 58)];
        }

        /// <summary>Number of trailing zero bits; 32 for zero.</summary>
        public static int TrailingZeroCount(uint value) => value == 0 ? 32 : TrailingZeroCount((ulong)value);

        /// <summary>Number of leading zero bits; 64 for zero.</summary>
        public static int LeadingZeroCount(ulong value)
        {
            if (value == 0)
                return 64;
            // Smear the highest set bit downwards, then keep only it.
            value |= value >> 1;
            value |= value >> 2;
            value |= value >> 4;
            value |= value >> 8;
            value |= value >> 16;
            value |= value >> 32;
            return 63 - s_bitIndex[(int)(((value ^ (value >> 1)) * DeBruijn64) >> 58)];
        }

        /// <summary>Number of leading zero bits; 32 for zero.</summary>
        public static int LeadingZeroCount(uint value) => LeadingZeroCount((ulong)value) - 32;

        /// <summary>Number of set bits.</summary>
        public static int PopCount(ulong value)
        {
            value -= (value >> 1) & 0x5555555555555555UL;
            value = (value & 0x3333333333333333UL) + ((value >> 2) & 0x3333333333333333UL);
            value = (value + (value >> 4)) & 0x0F0F0F0F0F0F0F0FUL;
            return (int)((value * 0x0101010101010101UL) >> 56);
        }

        /// <summary>Number of set bits.</summary>
        public static int PopCount(uint value) => PopCount((ulong)value);
    }
}
