namespace System
{
    /// <summary>The primitive type for an unsigned 64-bit integer. The compiler knows its layout; it needs no fields.</summary>
    public readonly partial struct UInt64
    {
        /// <summary>The smallest value.</summary>
        public const ulong MinValue = 0;
        /// <summary>The largest value.</summary>
        public const ulong MaxValue = 18446744073709551615;
    }
}
