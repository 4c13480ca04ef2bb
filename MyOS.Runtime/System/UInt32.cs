namespace System
{
    /// <summary>The primitive type for an unsigned 32-bit integer. The compiler knows its layout; it needs no fields.</summary>
    public readonly partial struct UInt32
    {
    }
}
