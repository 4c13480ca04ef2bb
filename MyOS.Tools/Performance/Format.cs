using System;
using System.Globalization;

namespace MyOS.Tools.Performance
{
    /// <summary>How the report writes numbers: durations with three significant digits and a unit, ratios, counts.</summary>
    public static class Format
    {
        private static readonly CultureInfo s_culture = CultureInfo.InvariantCulture;

        /// <summary>A duration given in ns: "7.11 ns", "1.51 us", "5.84 ms"; "n/a" for none.</summary>
        public static string Duration(double? nanoseconds)
        {
            if (nanoseconds is not double value)
                return "n/a";
            foreach ((string unit, double scale) in new[] { ("s", 1e9), ("ms", 1e6), ("us", 1e3) })
            {
                if (value >= scale)
                    return Significant(value / scale) + " " + unit;
            }

            return Significant(value) + " ns";
        }

        /// <summary>baseline / ours: "1,711x" from 100 up, "3.84x" below; "n/a" when either is missing.</summary>
        public static string Ratio(double? baseline, double? ours)
        {
            if (baseline is not double b || ours is not double o || o == 0)
                return "n/a";
            double x = b / o;
            return x >= 100 ? x.ToString("#,0", s_culture) + "x" : Significant(x) + "x";
        }

        /// <summary>A whole number with thousands separators: "100,000".</summary>
        public static string Count(double value) => value.ToString("#,0", s_culture);

        /// <summary>A number to three significant digits, with no trailing zeros: 7.11, 98.4, 292, 1,234.</summary>
        public static string Significant(double value)
        {
            if (value == 0 || double.IsNaN(value) || double.IsInfinity(value))
                return value.ToString(s_culture);
            int digits = Math.Max(0, 2 - (int)Math.Floor(Math.Log10(Math.Abs(value))));
            return Math.Round(value, Math.Min(digits, 15)).ToString("#,0.##########", s_culture);
        }

        /// <summary>A number with <paramref name="decimals"/> decimals: "0.58".</summary>
        public static string Fixed(double value, int decimals) => value.ToString("F" + decimals, s_culture);
    }
}
