namespace System
{
    /// <summary>A delegate type of the standard library: TResult Func{in T1, in T2, out TResult}(T1 arg1, T2 arg2).</summary>
    public delegate TResult Func<in T1, in T2, out TResult>(T1 arg1, T2 arg2);
}
