namespace System
{
    /// <summary>
    /// The base class of every array. Layout contract with ILC: a 32-bit length (padded to 8
    /// bytes on x64), then the elements.
    /// </summary>
    public abstract unsafe partial class Array
    {
        /// <summary>Number of elements.</summary>
        private readonly int _length;

        /// <summary>Number of elements.</summary>
        public int Length => _length;
    }
}
