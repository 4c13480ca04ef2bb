namespace System
{
    /// <summary>The primitive type for a signed 8-bit integer. The compiler knows its layout; it needs no fields.</summary>
    public readonly partial struct SByte
    {
        /// <summary>The smallest value.</summary>
        public const sbyte MinValue = -128;
        /// <summary>The largest value.</summary>
        public const sbyte MaxValue = 127;
    }
}
