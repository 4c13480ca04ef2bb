namespace System
{
    /// <summary>A delegate type of the standard library: TResult Func{out TResult}().</summary>
    public delegate TResult Func<out TResult>();
}
