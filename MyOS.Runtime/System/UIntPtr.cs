namespace System
{
    /// <summary>The primitive type for an unsigned pointer-sized integer (nuint). The compiler knows its layout; it needs no fields.</summary>
    public readonly partial struct UIntPtr
    {
    }
}
