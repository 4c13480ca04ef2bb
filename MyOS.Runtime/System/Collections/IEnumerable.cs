namespace System.Collections
{
    /// <summary>Something that can be enumerated (non-generic).</summary>
    public interface IEnumerable
    {
        /// <summary>A new enumerator positioned before the first element.</summary>
        IEnumerator GetEnumerator();
    }
}
