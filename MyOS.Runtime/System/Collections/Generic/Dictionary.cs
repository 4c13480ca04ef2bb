using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;

namespace System.Collections.Generic
{
    /// <summary>
    /// A hash table with chaining through an entry array. Invariants: each bucket holds the
    /// index + 1 of its first entry (0: empty); entries of one bucket are linked by Next (-1 ends
    /// a chain); removed entries form a free list. Keys are compared with EqualityComparer&lt;TKey&gt;.Default
    /// unless a comparer is given. Enumeration order is insertion order while nothing is removed.
    /// </summary>
    public class Dictionary<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
    {
        private struct Entry
        {
            public int HashCode;
            public int Next;
            public TKey Key;
            public TValue Value;
        }

        private int[] _buckets;
        private Entry[] _entries;
        /// <summary>Entries [0, _used) have been handed out (some may be on the free list).</summary>
        private int _used;
        private int _freeList = -1;
        private int _freeCount;
        private readonly IEqualityComparer<TKey> _comparer;

        /// <summary>An empty dictionary.</summary>
        public Dictionary() : this(null) { }

        /// <summary>An empty dictionary using <paramref name="comparer"/> for keys (null: the default).</summary>
        public Dictionary(IEqualityComparer<TKey> comparer)
        {
            _comparer = comparer ?? EqualityComparer<TKey>.Default;
            _buckets = new int[7];
            _entries = new Entry[7];
        }

        /// <summary>Number of key/value pairs.</summary>
        public int Count => _used - _freeCount;

        private int Hash(TKey key) => _comparer.GetHashCode(key) & 0x7FFFFFFF;

        private int FindEntry(TKey key)
        {
            if (key == null)
                ThrowHelpers.ThrowArgumentNullException();
            int hash = Hash(key);
            for (int i = _buckets[hash % _buckets.Length] - 1; i >= 0; i = _entries[i].Next)
                if (_entries[i].HashCode == hash && _comparer.Equals(_entries[i].Key, key))
                    return i;
            return -1;
        }

        /// <summary>The value for <paramref name="key"/>; a missing key is a kernel panic (KeyNotFoundException). Setting adds or replaces.</summary>
        public TValue this[TKey key]
        {
            get
            {
                int i = FindEntry(key);
                if (i < 0)
                    RuntimeFailure.Fail("KeyNotFoundException", "The given key was not present in the dictionary.");
                return _entries[i].Value;
            }
            set => Insert(key, value, false);
        }

        /// <summary>Adds a pair; an existing key is a kernel panic (ArgumentException).</summary>
        public void Add(TKey key, TValue value) => Insert(key, value, true);

        /// <summary>Adds a pair unless the key exists; true if added.</summary>
        public bool TryAdd(TKey key, TValue value)
        {
            if (FindEntry(key) >= 0)
                return false;
            Insert(key, value, true);
            return true;
        }

        private void Insert(TKey key, TValue value, bool add)
        {
            int existing = FindEntry(key);
            if (existing >= 0)
            {
                if (add)
                    RuntimeFailure.Fail("ArgumentException", "An item with the same key has already been added.");
                _entries[existing].Value = value;
                return;
            }
            int index;
            if (_freeCount > 0)
            {
                index = _freeList;
                _freeList = _entries[index].Next;
                _freeCount--;
            }
            else
            {
                if (_used == _entries.Length)
                    Resize();
                index = _used++;
            }
            int hash = Hash(key);
            int bucket = hash % _buckets.Length;
            _entries[index].HashCode = hash;
            _entries[index].Next = _buckets[bucket] - 1;
            _entries[index].Key = key;
            _entries[index].Value = value;
            _buckets[bucket] = index + 1;
        }

        private void Resize()
        {
            int size = _entries.Length * 2 + 1;
            Entry[] entries = new Entry[size];
            Array.Copy(_entries, entries, _used);
            int[] buckets = new int[size];
            for (int i = 0; i < _used; i++)
            {
                if (entries[i].HashCode < 0)
                    continue;
                int bucket = entries[i].HashCode % size;
                entries[i].Next = buckets[bucket] - 1;
                buckets[bucket] = i + 1;
            }
            _buckets = buckets;
            _entries = entries;
        }

        /// <summary>Whether the key is present.</summary>
        public bool ContainsKey(TKey key) => FindEntry(key) >= 0;

        /// <summary>The value for the key, if present.</summary>
        public bool TryGetValue(TKey key, out TValue value)
        {
            int i = FindEntry(key);
            value = i >= 0 ? _entries[i].Value : default;
            return i >= 0;
        }

        /// <summary>Removes the key; false if it was not present.</summary>
        public bool Remove(TKey key)
        {
            if (key == null)
                ThrowHelpers.ThrowArgumentNullException();
            int hash = Hash(key);
            int bucket = hash % _buckets.Length;
            for (int i = _buckets[bucket] - 1, previous = -1; i >= 0; previous = i, i = _entries[i].Next)
            {
                if (_entries[i].HashCode != hash || !_comparer.Equals(_entries[i].Key, key))
                    continue;
                if (previous < 0)
                    _buckets[bucket] = _entries[i].Next + 1;
                else
                    _entries[previous].Next = _entries[i].Next;
                _entries[i] = default;
                _entries[i].HashCode = -1;
                _entries[i].Next = _freeList;
                _freeList = i;
                _freeCount++;
                return true;
            }
            return false;
        }

        /// <summary>Removes every pair.</summary>
        public void Clear()
        {
            Array.Clear(_buckets);
            Array.Clear(_entries);
            _used = 0;
            _freeList = -1;
            _freeCount = 0;
        }

        /// <summary>An allocation-free enumerator of the pairs for `foreach`.</summary>
        public Enumerator GetEnumerator() => new Enumerator(this);

        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => new Enumerator(this);

        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        /// <summary>Walks the pairs in entry order, skipping removed entries.</summary>
        public struct Enumerator : IEnumerator<KeyValuePair<TKey, TValue>>
        {
            private readonly Dictionary<TKey, TValue> _dictionary;
            private int _index;
            private KeyValuePair<TKey, TValue> _current;

            internal Enumerator(Dictionary<TKey, TValue> dictionary)
            {
                _dictionary = dictionary;
                _index = 0;
                _current = default;
            }

            /// <summary>The current pair.</summary>
            public KeyValuePair<TKey, TValue> Current => _current;

            object IEnumerator.Current => _current;

            /// <summary>Moves to the next pair; false past the end.</summary>
            public bool MoveNext()
            {
                while (_index < _dictionary._used)
                {
                    ref Entry entry = ref _dictionary._entries[_index++];
                    if (entry.HashCode >= 0)
                    {
                        _current = new KeyValuePair<TKey, TValue>(entry.Key, entry.Value);
                        return true;
                    }
                }
                return false;
            }

            /// <summary>Moves back before the first pair.</summary>
            public void Reset() => _index = 0;

            /// <summary>Nothing to release.</summary>
            public void Dispose() { }
        }
    }
}
