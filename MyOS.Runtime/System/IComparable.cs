namespace System
{
    /// <summary>A type whose instances have an order.</summary>
    public interface IComparable
    {
        /// <summary>Negative, zero or positive as this instance sorts before, with or after <paramref name="obj"/>.</summary>
        int CompareTo(object obj);
    }
}
