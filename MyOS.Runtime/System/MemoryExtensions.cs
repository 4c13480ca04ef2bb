namespace System
{
    /// <summary>Span helpers as extension methods (Roslyn also uses AsSpan for string-to-span conversions).</summary>
    public static class MemoryExtensions
    {
        /// <summary>The characters of <paramref name="text"/>, read-only (null gives an empty span).</summary>
        public static ReadOnlySpan<char> AsSpan(this string text) =>
            (object)text == null ? default : new ReadOnlySpan<char>(ref text.FirstCharReference, text.Length);

        /// <summary>A span over the whole array.</summary>
        public static Span<T> AsSpan<T>(this T[] array) => new Span<T>(array);

        /// <summary>Whether the two spans hold the same characters.</summary>
        public static bool SequenceEqual(this ReadOnlySpan<char> span, ReadOnlySpan<char> other)
        {
            if (span.Length != other.Length)
                return false;
            for (int i = 0; i < span.Length; i++)
                if (span[i] != other[i])
                    return false;
            return true;
        }
    }
}
