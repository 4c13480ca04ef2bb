namespace System.Collections.Generic
{
    /// <summary>A cursor over a sequence of T.</summary>
    public interface IEnumerator<out T> : IEnumerator, IDisposable
    {
        /// <summary>The current element.</summary>
        new T Current { get; }
    }
}
