using System.Numerics;

namespace MyOS.Core.Memory.Physical
{
    /// <summary>
    /// Bit tricks on one 64-bit bitmap word, where bit i stands for page (word * 64 + i)
    /// and a set bit means a free page. Bit 0 is the lowest address, so "low end" below
    /// means lower addresses. Pure functions: no state, no memory access.
    /// </summary>
    internal static class WordRuns
    {
        /// <summary>A word with <paramref name="count"/> (1..64) set bits starting at bit <paramref name="bit"/>; bit + count &lt;= 64.</summary>
        public static ulong Mask(int bit, ulong count)
        {
            // Shifting a ulong by 64 is a shift by 0 in C#, so a whole word is a special case.
            if (count >= 64)
            {
                return ulong.MaxValue;
            }
            return ((1UL << (int)count) - 1) << bit;
        }

        /// <summary>How many free pages the word starts with (its trailing ones, 0..64).</summary>
        public static ulong LowRun(ulong word)
        {
            return (ulong)BitOperations.TrailingZeroCount(~word);
        }

        /// <summary>How many free pages the word ends with (its leading ones, 0..64).</summary>
        public static ulong HighRun(ulong word)
        {
            return (ulong)BitOperations.LeadingZeroCount(~word);
        }

        /// <summary>
        /// For 1 &lt;= n &lt;= 64: a word whose bit i is set exactly when bits i .. i + n - 1 of
        /// <paramref name="word"/> are all set, i.e. where a run of n free pages starts that
        /// lies wholly inside this word. Each step ANDs the word with itself shifted right,
        /// doubling the run length covered, so it costs O(log n) operations, not O(n).
        /// </summary>
        public static ulong RunStarts(ulong word, ulong n)
        {
            ulong starts = word;
            ulong covered = 1; // every set bit of starts begins a run of at least this many
            while (covered < n)
            {
                ulong step = covered <= n - covered ? covered : n - covered;
                starts &= starts >> (int)step;
                covered += step;
            }
            return starts;
        }

        /// <summary>Length of the longest run of set bits anywhere in the word (0..64).</summary>
        public static ulong LongestRun(ulong word)
        {
            if (word == ulong.MaxValue)
            {
                return 64;
            }
            ulong longest = 0;
            // One iteration per run of ones: skip the zeros below it, measure it, drop it.
            // The word is not all ones, so every shift below is by 63 or less.
            while (word != 0)
            {
                word >>= BitOperations.TrailingZeroCount(word);
                ulong length = LowRun(word);
                if (length > longest)
                {
                    longest = length;
                }
                word >>= (int)length;
            }
            return longest;
        }
    }
}
