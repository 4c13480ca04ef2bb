namespace System
{
    /// <summary>The primitive type for a signed 64-bit integer. The compiler knows its layout; it needs no fields.</summary>
    public readonly partial struct Int64
    {
        /// <summary>The smallest value.</summary>
        public const long MinValue = -9223372036854775808;
        /// <summary>The largest value.</summary>
        public const long MaxValue = 9223372036854775807;
    }
}
