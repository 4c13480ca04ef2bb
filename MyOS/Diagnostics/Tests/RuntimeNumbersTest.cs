using System.Globalization;
using System.Numerics;

namespace MyOS.Diagnostics.Tests
{
    /// <summary>Integer formatting (decimal, hex with width, thousands separators) and parsing (decimal, hex, overflow).</summary>
    public sealed class RuntimeNumbersTest : KernelTest
    {
        public override string Name => "runtime.numbers";

        protected override void Execute()
        {
            Check(0.ToString() == "0" && 12345.ToString() == "12345" && (-17).ToString() == "-17", "int in decimal");
            Check(BitCountsMatchTheirDefinition(), "BitOperations trailing/leading zero counts and pop count");
            Check(int.MinValue.ToString() == "-2147483648" && long.MinValue.ToString() == "-9223372036854775808", "minimum values");
            Check(ulong.MaxValue.ToString() == "18446744073709551615" && ((byte)255).ToString() == "255", "unsigned maximum values");
            Check(255.ToString("X") == "FF" && 255.ToString("x4") == "00ff" && 0xBEEF.ToString("X8") == "0000BEEF", "hex with width");
            Check((-1).ToString("X") == "FFFFFFFF" && ((short)-2).ToString("X") == "FFFE" && (-1L).ToString("X") == "FFFFFFFFFFFFFFFF", "hex of negative values (two's complement at the type's width)");
            Check(1234567.ToString("N0") == "1,234,567" && (-1000).ToString("N0") == "-1,000" && 999.ToString("N0") == "999", "thousands separators");
            Check(1234.ToString("N2") == "1,234.00" && 42.ToString("D5") == "00042", "N2 and D5");
            Check(true.ToString() == "True" && 'x'.ToString() == "x", "bool and char ToString");

            Check(int.TryParse("123", out int a) && a == 123, "TryParse decimal");
            Check(int.TryParse("  -456 ", out int b) && b == -456 && int.TryParse("+7", out int c) && c == 7, "TryParse with white space and sign");
            Check(int.TryParse("2147483647", out int max) && max == int.MaxValue && int.TryParse("-2147483648", out int min) && min == int.MinValue, "TryParse at the limits");
            Check(!int.TryParse("2147483648", out int over) && over == 0, "TryParse detects int overflow");
            Check(!long.TryParse("99999999999999999999", out _) && !ulong.TryParse("18446744073709551616", out _), "TryParse detects 64-bit overflow");
            Check(ulong.TryParse("18446744073709551615", out ulong umax) && umax == ulong.MaxValue, "ulong maximum");
            Check(!byte.TryParse("256", out _) && byte.TryParse("255", out byte bmax) && bmax == 255 && !uint.TryParse("-1", out _), "narrow and unsigned ranges");
            Check(!int.TryParse("12a", out _) && !int.TryParse("", out _) && !int.TryParse((string)null, out _) && !int.TryParse("-", out _), "TryParse rejects bad text");
            Check(int.TryParse("FF", NumberStyles.HexNumber, null, out int hex) && hex == 255, "TryParse hex");
            Check(int.TryParse("ffffffff", NumberStyles.HexNumber, null, out int minusOne) && minusOne == -1, "hex is the bit pattern");
            Check(!int.TryParse("100000000", NumberStyles.HexNumber, null, out _) && ulong.TryParse("FFFFFFFFFFFFFFFF", NumberStyles.HexNumber, null, out ulong all) && all == ulong.MaxValue, "hex overflow detected");
            Check(!int.TryParse("0x10", NumberStyles.HexNumber, null, out _), "hex without 0x prefix, as in .NET");
            Check(int.Parse("31") == 31 && 5.CompareTo(7) < 0 && 5.Equals(5) && !5.Equals((object)5L), "Parse, CompareTo, Equals");
        }

        // Every single bit and a run of pseudo-random words, against a bit-by-bit count.
        private static bool BitCountsMatchTheirDefinition()
        {
            if (BitOperations.TrailingZeroCount(0UL) != 64 || BitOperations.LeadingZeroCount(0UL) != 64
                || BitOperations.TrailingZeroCount(0u) != 32 || BitOperations.LeadingZeroCount(0u) != 32)
            {
                return false;
            }

            ulong word = 0x9E3779B97F4A7C15UL;
            for (int i = 0; i < 64 * 4; i++)
            {
                ulong value = i < 64 ? 1UL << i : word;
                word = word * 6364136223846793005UL + 1442695040888963407UL;
                if (i >= 128)
                    value &= word;   // sparser words too
                int trailing = 0, leading = 0, ones = 0;
                while (trailing < 64 && ((value >> trailing) & 1) == 0)
                    trailing++;
                while (leading < 64 && ((value << leading) >> 63) == 0)
                    leading++;
                for (int bit = 0; bit < 64; bit++)
                    ones += (int)((value >> bit) & 1);
                if (BitOperations.TrailingZeroCount(value) != trailing || BitOperations.LeadingZeroCount(value) != leading
                    || BitOperations.PopCount(value) != ones)
                {
                    return false;
                }

                if ((uint)value != 0 && BitOperations.LeadingZeroCount((uint)value) != BitOperations.LeadingZeroCount((ulong)(uint)value) - 32)
                    return false;
            }
            return true;
        }
    }
}
