namespace System
{
    /// <summary>The primitive type for an unsigned 8-bit integer. The compiler knows its layout; it needs no fields.</summary>
    public readonly partial struct Byte
    {
        /// <summary>The smallest value.</summary>
        public const byte MinValue = 0;
        /// <summary>The largest value.</summary>
        public const byte MaxValue = 255;
    }
}
