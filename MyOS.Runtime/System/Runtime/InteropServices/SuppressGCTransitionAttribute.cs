namespace System.Runtime.InteropServices
{
    /// <summary>Calls a native function without the managed-to-native transition (nothing to suspend here).</summary>
    public sealed class SuppressGCTransitionAttribute : Attribute
    {

    }
}
