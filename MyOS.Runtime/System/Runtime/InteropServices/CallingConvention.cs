namespace System.Runtime.InteropServices
{
    /// <summary>Calling conventions for native calls (all the same on x86-64 System V).</summary>
    public enum CallingConvention
    {
        Winapi = 1, Cdecl = 2, StdCall = 3, ThisCall = 4, FastCall = 5,
    }
}
