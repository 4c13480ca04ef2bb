using System;
using System.Globalization;
using System.Text;

namespace MyOS.Diagnostics.Tests.CSharp
{
    /// <summary>string.Format, interpolation with doubles and format strings, decimal, StringBuilder.AppendFormat, span parsing, Math.</summary>
    public sealed class FormattingTest : KernelTest
    {
        public override string Name => "csharp.formatting";

        protected override void Execute()
        {
            double ratio = 2.0 / 3.0;
            Check($"{ratio:F2}" == "0.67" && $"{1234567.891:N1}" == "1,234,567.9" && $"{0.25:P0}" == "25 %", "double format strings: " + $"{ratio:F2} {1234567.891:N1} {0.25:P0}");
            Check(ratio.ToString() == "0.6666666666666666" && (0.1 + 0.2).ToString("R") == "0.30000000000000004", "double round-trip formatting");
            Check(string.Format("{0,-6}|{1,5:X}|{2:E2}", "heap", 255, 12345.678) == "heap  |   FF|1.23E+004", "string.Format with alignment: " + string.Format("{0,-6}|{1,5:X}|{2:E2}", "heap", 255, 12345.678));
            Check($"{42,4}|{-7:D3}|{3.5f}" == "  42|-007|3.5", "interpolation with alignment");
            decimal price = 19.99m;
            Check((price * 3).ToString() == "59.97" && decimal.Round(2.345m, 2) == 2.34m && (1m / 3m).ToString().StartsWith("0.3333333333"), "decimal arithmetic");
            var builder = new StringBuilder();
            builder.AppendFormat("{0} pages at 0x{1:X8}", 4, 0x9000).Append('!').AppendLine().Append(1.5);
            Check(builder.ToString() == "4 pages at 0x00009000!\n1.5", "StringBuilder.AppendFormat");

            ReadOnlySpan<char> line = "pmalloc 16 0x2000".AsSpan();
            int space = line.IndexOf(' ');
            ReadOnlySpan<char> rest = line.Slice(space + 1);
            int second = rest.IndexOf(' ');
            Check(int.Parse(rest.Slice(0, second)) == 16 && long.Parse(rest.Slice(second + 3), NumberStyles.HexNumber) == 0x2000, "span parsing");
            Check(double.Parse("3.25", CultureInfo.InvariantCulture) == 3.25 && double.TryParse("1e3", out double thousand) && thousand == 1000, "double parsing");
            Check(!int.TryParse("12x", out _) && !double.TryParse("abc", out _), "TryParse refuses bad text");

            Check(Math.Sqrt(2) > 1.41421356 && Math.Sqrt(2) < 1.41421357, "Math.Sqrt");
            Check(Math.Abs(Math.Pow(2, 10) - 1024) < 1e-9 && Math.Abs(Math.Exp(Math.Log(10)) - 10) < 1e-9, "Math.Pow, Exp, Log");
            Check(Math.Abs(Math.Sin(Math.PI / 6) - 0.5) < 1e-12 && Math.Abs(Math.Cos(0) - 1) < 1e-12 && Math.Abs(Math.Atan2(1, 1) - Math.PI / 4) < 1e-12, "Math.Sin, Cos, Atan2");
            Check(Math.Round(2.5) == 2 && Math.Round(2.5, MidpointRounding.AwayFromZero) == 3 && Math.Floor(-1.5) == -2 && Math.Ceiling(1.2) == 2, "Math.Round, Floor, Ceiling");
            Check(Math.Max(3, 9) == 9 && Math.Clamp(15, 0, 10) == 10 && Math.Abs(-4) == 4 && Math.DivRem(17, 5, out int remainder) == 3 && remainder == 2, "Math integer helpers");
        }
    }
}
