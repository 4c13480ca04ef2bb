namespace System.Collections
{
    /// <summary>A cursor over a sequence (non-generic).</summary>
    public interface IEnumerator
    {
        /// <summary>Moves to the next element; false past the end.</summary>
        bool MoveNext();
        /// <summary>The current element.</summary>
        object Current { get; }
        /// <summary>Moves back before the first element.</summary>
        void Reset();
    }
}
