namespace System
{
    /// <summary>A delegate type of the standard library: void Action{in T}(T obj).</summary>
    public delegate void Action<in T>(T obj);
}
