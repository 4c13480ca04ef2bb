namespace System
{
    /// <summary>The primitive type for an unsigned 32-bit integer. The compiler knows its layout; it needs no fields.</summary>
    public readonly partial struct UInt32
    {
        /// <summary>The smallest value.</summary>
        public const uint MinValue = 0;
        /// <summary>The largest value.</summary>
        public const uint MaxValue = 4294967295;
    }
}
