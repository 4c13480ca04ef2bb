namespace System
{
    /// <summary>A delegate type of the standard library: void Action{in T1, in T2}(T1 arg1, T2 arg2).</summary>
    public delegate void Action<in T1, in T2>(T1 arg1, T2 arg2);
}
