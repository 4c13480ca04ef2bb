namespace System
{
    /// <summary>The primitive type for a signed 64-bit integer. The compiler knows its layout; it needs no fields.</summary>
    public readonly partial struct Int64
    {
    }
}
