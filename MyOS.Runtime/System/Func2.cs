namespace System
{
    /// <summary>A delegate type of the standard library: TResult Func{in T, out TResult}(T arg).</summary>
    public delegate TResult Func<in T, out TResult>(T arg);
}
