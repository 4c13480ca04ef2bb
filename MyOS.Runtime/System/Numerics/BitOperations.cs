namespace System.Numerics
{
    /// <summary>Bit counting helpers, written portably (SSE2 baseline: no TZCNT/LZCNT/POPCNT assumed).</summary>
    public static class BitOperations
    {
        /// <summary>Number of trailing zero bits; 64 for zero.</summary>
        public static int TrailingZeroCount(ulong value)
        {
            if (value == 0)
                return 64;
            int count = 0;
            if ((value & 0xFFFFFFFF) == 0) { count += 32; value >>= 32; }
            if ((value & 0xFFFF) == 0) { count += 16; value >>= 16; }
            if ((value & 0xFF) == 0) { count += 8; value >>= 8; }
            if ((value & 0xF) == 0) { count += 4; value >>= 4; }
            if ((value & 0x3) == 0) { count += 2; value >>= 2; }
            if ((value & 0x1) == 0) { count += 1; }
            return count;
        }

        /// <summary>Number of trailing zero bits; 32 for zero.</summary>
        public static int TrailingZeroCount(uint value) => value == 0 ? 32 : TrailingZeroCount((ulong)value);

        /// <summary>Number of leading zero bits; 64 for zero.</summary>
        public static int LeadingZeroCount(ulong value)
        {
            if (value == 0)
                return 64;
            int count = 0;
            if ((value >> 32) == 0) { count += 32; value <<= 32; }
            if ((value >> 48) == 0) { count += 16; value <<= 16; }
            if ((value >> 56) == 0) { count += 8; value <<= 8; }
            if ((value >> 60) == 0) { count += 4; value <<= 4; }
            if ((value >> 62) == 0) { count += 2; value <<= 2; }
            if ((value >> 63) == 0) { count += 1; }
            return count;
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
