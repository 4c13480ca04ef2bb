namespace System.Runtime.InteropServices
{
    /// <summary>How the fields of a struct are laid out.</summary>
    public enum LayoutKind
    {
        Sequential = 0, Explicit = 2, Auto = 3,
    }
}
