namespace System.Collections.Generic
{
    /// <summary>A key and its value, as a dictionary enumerates them.</summary>
    public readonly struct KeyValuePair<TKey, TValue>
    {
        /// <summary>The key.</summary>
        public TKey Key { get; }
        /// <summary>The value.</summary>
        public TValue Value { get; }

        /// <summary>A pair.</summary>
        public KeyValuePair(TKey key, TValue value)
        {
            Key = key;
            Value = value;
        }

        /// <summary>Splits the pair (for `var (key, value) = pair`).</summary>
        public void Deconstruct(out TKey key, out TValue value)
        {
            key = Key;
            value = Value;
        }
    }
}
