using MyOS.Core.Text;

namespace MyOS.Diagnostics.Tests
{
    /// <summary>The allocation-free number formatting used by panic reports and the console.</summary>
    public sealed unsafe class ConsoleFormattingTest : KernelTest
    {
        public override string Name => "console.number-formatting";

        protected override void Execute()
        {
            char* buffer = stackalloc char[NumberFormatter.MaxLength];
            Check(Text(buffer, NumberFormatter.FormatDecimal(0UL, buffer)) == "0", "0 formats as 0");
            Check(Text(buffer, NumberFormatter.FormatDecimal(ulong.MaxValue, buffer)) == "18446744073709551615", "ulong.MaxValue in decimal");
            Check(Text(buffer, NumberFormatter.FormatDecimal(long.MinValue, buffer)) == "-9223372036854775808", "long.MinValue in decimal");
            Check(Text(buffer, NumberFormatter.FormatHex(0xBEEF, 8, buffer)) == "0x0000BEEF", "hex with width 8");
            Check(Text(buffer, NumberFormatter.FormatHex(ulong.MaxValue, 1, buffer)) == "0xFFFFFFFFFFFFFFFF", "hex of ulong.MaxValue");
        }

        private static string Text(char* buffer, int length) => new string(buffer, 0, length);
    }
}
