namespace System
{
    /// <summary>A type whose instances can be ordered against values of <typeparamref name="T"/>.</summary>
    public interface IComparable<in T>
    {
        /// <summary>Negative, zero or positive as this instance sorts before, with or after <paramref name="other"/>.</summary>
        int CompareTo(T other);
    }
}
