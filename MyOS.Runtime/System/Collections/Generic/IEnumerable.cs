namespace System.Collections.Generic
{
    /// <summary>Something that can be enumerated with `foreach`.</summary>
    public interface IEnumerable<out T> : IEnumerable
    {
        /// <summary>A new enumerator positioned before the first element.</summary>
        new IEnumerator<T> GetEnumerator();
    }
}
