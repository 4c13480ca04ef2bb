namespace System
{
    /// <summary>The primitive type for a signed 16-bit integer. The compiler knows its layout; it needs no fields.</summary>
    public readonly partial struct Int16
    {
        /// <summary>The smallest value.</summary>
        public const short MinValue = -32768;
        /// <summary>The largest value.</summary>
        public const short MaxValue = 32767;
    }
}
