namespace System
{
    /// <summary>The primitive type for a signed pointer-sized integer (nint). The compiler knows its layout; it needs no fields.</summary>
    public readonly partial struct IntPtr
    {
    }
}
