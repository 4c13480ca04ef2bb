namespace System
{
    /// <summary>The primitive type for a signed 32-bit integer. The compiler knows its layout; it needs no fields.</summary>
    public readonly partial struct Int32
    {
        /// <summary>The smallest value.</summary>
        public const int MinValue = -2147483648;
        /// <summary>The largest value.</summary>
        public const int MaxValue = 2147483647;
    }
}
