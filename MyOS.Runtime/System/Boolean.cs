namespace System
{
    /// <summary>The primitive type for true/false, one byte. The compiler knows its layout; it needs no fields.</summary>
    public readonly partial struct Boolean
    {
    }
}
