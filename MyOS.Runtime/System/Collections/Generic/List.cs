using Internal.Runtime.CompilerHelpers;

namespace System.Collections.Generic
{
    /// <summary>
    /// A growable array. Invariant: the first <see cref="Count"/> elements of the backing array
    /// are the list; the rest are default(T) (so a collector keeps nothing alive by mistake).
    /// Enumerating with `foreach` uses a struct enumerator and allocates nothing.
    /// </summary>
    public class List<T> : IEnumerable<T>
    {
        /// <summary>The backing array; its length is the capacity.</summary>
        private T[] _items;
        /// <summary>Number of elements in use.</summary>
        private int _size;

        /// <summary>An empty list.</summary>
        public List() => _items = new T[4];

        /// <summary>An empty list with room for <paramref name="capacity"/> elements.</summary>
        public List(int capacity) => _items = new T[capacity < 1 ? 1 : capacity];

        /// <summary>A list holding the elements of <paramref name="items"/>.</summary>
        public List(IEnumerable<T> items) : this()
        {
            foreach (T item in items)
                Add(item);
        }

        /// <summary>Number of elements.</summary>
        public int Count => _size;

        /// <summary>Number of elements the backing array holds.</summary>
        public int Capacity => _items.Length;

        /// <summary>The element at <paramref name="index"/> (bounds checked against Count).</summary>
        public T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_size)
                    ThrowHelpers.ThrowArgumentOutOfRangeException();
                return _items[index];
            }
            set
            {
                if ((uint)index >= (uint)_size)
                    ThrowHelpers.ThrowArgumentOutOfRangeException();
                _items[index] = value;
            }
        }

        private void Grow()
        {
            T[] grown = new T[_items.Length * 2];
            Array.Copy(_items, grown, _size);
            _items = grown;
        }

        /// <summary>Appends an element.</summary>
        public void Add(T item)
        {
            if (_size == _items.Length)
                Grow();
            _items[_size++] = item;
        }

        /// <summary>Appends every element of <paramref name="items"/>.</summary>
        public void AddRange(IEnumerable<T> items)
        {
            foreach (T item in items)
                Add(item);
        }

        /// <summary>Inserts an element at <paramref name="index"/>.</summary>
        public void Insert(int index, T item)
        {
            if ((uint)index > (uint)_size)
                ThrowHelpers.ThrowArgumentOutOfRangeException();
            if (_size == _items.Length)
                Grow();
            Array.Copy(_items, index, _items, index + 1, _size - index);
            _items[index] = item;
            _size++;
        }

        /// <summary>Index of the first element equal to <paramref name="item"/>, or -1.</summary>
        public int IndexOf(T item)
        {
            for (int i = 0; i < _size; i++)
                if (EqualityComparer<T>.Default.Equals(_items[i], item))
                    return i;
            return -1;
        }

        /// <summary>Whether an element equals <paramref name="item"/>.</summary>
        public bool Contains(T item) => IndexOf(item) >= 0;

        /// <summary>Removes the element at <paramref name="index"/>.</summary>
        public void RemoveAt(int index)
        {
            if ((uint)index >= (uint)_size)
                ThrowHelpers.ThrowArgumentOutOfRangeException();
            _size--;
            Array.Copy(_items, index + 1, _items, index, _size - index);
            _items[_size] = default;
        }

        /// <summary>Removes the first element equal to <paramref name="item"/>; false if there is none.</summary>
        public bool Remove(T item)
        {
            int index = IndexOf(item);
            if (index < 0)
                return false;
            RemoveAt(index);
            return true;
        }

        /// <summary>Removes every element.</summary>
        public void Clear()
        {
            Array.Clear(_items, 0, _size);
            _size = 0;
        }

        /// <summary>The elements in a new array.</summary>
        public T[] ToArray()
        {
            T[] result = new T[_size];
            Array.Copy(_items, result, _size);
            return result;
        }

        /// <summary>Reverses the order of the elements.</summary>
        public void Reverse()
        {
            for (int i = 0, j = _size - 1; i < j; i++, j--)
            {
                T swap = _items[i];
                _items[i] = _items[j];
                _items[j] = swap;
            }
        }

        /// <summary>Sorts with <paramref name="comparison"/> (insertion sort: stable, fine for kernel-sized lists).</summary>
        public void Sort(Comparison<T> comparison)
        {
            for (int i = 1; i < _size; i++)
            {
                T item = _items[i];
                int j = i - 1;
                while (j >= 0 && comparison(_items[j], item) > 0)
                {
                    _items[j + 1] = _items[j];
                    j--;
                }
                _items[j + 1] = item;
            }
        }

        /// <summary>Calls <paramref name="action"/> on each element.</summary>
        public void ForEach(Action<T> action)
        {
            for (int i = 0; i < _size; i++)
                action(_items[i]);
        }

        /// <summary>The first element <paramref name="match"/> accepts, or default(T).</summary>
        public T Find(Predicate<T> match)
        {
            for (int i = 0; i < _size; i++)
                if (match(_items[i]))
                    return _items[i];
            return default;
        }

        /// <summary>An allocation-free enumerator for `foreach`.</summary>
        public Enumerator GetEnumerator() => new Enumerator(this);

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);

        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        /// <summary>Walks a list from first to last.</summary>
        public struct Enumerator : IEnumerator<T>
        {
            private readonly List<T> _list;
            private int _index;
            private T _current;

            internal Enumerator(List<T> list)
            {
                _list = list;
                _index = 0;
                _current = default;
            }

            /// <summary>The current element.</summary>
            public T Current => _current;

            object IEnumerator.Current => _current;

            /// <summary>Moves to the next element; false past the end.</summary>
            public bool MoveNext()
            {
                if (_index >= _list._size)
                    return false;
                _current = _list._items[_index++];
                return true;
            }

            /// <summary>Moves back before the first element.</summary>
            public void Reset() => _index = 0;

            /// <summary>Nothing to release.</summary>
            public void Dispose() { }
        }
    }
}
