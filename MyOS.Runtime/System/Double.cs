namespace System
{
    /// <summary>The primitive type for a 64-bit IEEE float. The compiler knows its layout; it needs no fields.</summary>
    public readonly partial struct Double
    {
    }
}
