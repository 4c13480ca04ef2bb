namespace System
{
    /// <summary>The primitive type for a UTF-16 code unit. The compiler knows its layout; it needs no fields.</summary>
    public readonly partial struct Char
    {
    }
}
