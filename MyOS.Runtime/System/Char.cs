namespace System
{
    /// <summary>The primitive type for a UTF-16 code unit. The compiler knows its layout; it needs no fields.</summary>
    public readonly partial struct Char
    {
        /// <summary>The smallest value.</summary>
        public const char MinValue = '\0';
        /// <summary>The largest value.</summary>
        public const char MaxValue = '\uffff';
    }
}
