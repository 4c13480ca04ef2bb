namespace System
{
    /// <summary>The primitive type for a 32-bit IEEE float. The compiler knows its layout; it needs no fields.</summary>
    public readonly partial struct Single
    {
    }
}
