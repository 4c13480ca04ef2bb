namespace System
{
    /// <summary>The primitive type for an unsigned 16-bit integer. The compiler knows its layout; it needs no fields.</summary>
    public readonly partial struct UInt16
    {
        /// <summary>The smallest value.</summary>
        public const ushort MinValue = 0;
        /// <summary>The largest value.</summary>
        public const ushort MaxValue = 65535;
    }
}
