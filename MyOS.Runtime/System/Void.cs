namespace System
{
    /// <summary>The return type of methods that return nothing.</summary>
    public struct Void
    {
    }
}
