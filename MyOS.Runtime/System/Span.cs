using System.Runtime.CompilerServices;
using Internal.Runtime.CompilerHelpers;

namespace System
{
    /// <summary>
    /// A bounds-checked window on contiguous memory: part of an array, stack memory
    /// (stackalloc) or raw memory. It is a ref struct: it cannot be stored on the heap.
    /// </summary>
    public readonly unsafe ref struct Span<T>
    {
        /// <summary>The first element.</summary>
        internal readonly ref T _reference;
        /// <summary>Number of elements.</summary>
        private readonly int _length;

        /// <summary>A span over the whole array (null gives an empty span).</summary>
        public Span(T[] array)
        {
            if (array == null)
            {
                this = default;
                return;
            }
            _reference = ref Unsafe.As<byte, T>(ref Unsafe.AsRef<byte>(ArrayData.First(array)));
            _length = array.Length;
        }

        /// <summary>A span over array[start .. start + length).</summary>
        public Span(T[] array, int start, int length)
        {
            if (array == null || (uint)start > (uint)array.Length || (uint)length > (uint)(array.Length - start))
                ThrowHelpers.ThrowArgumentOutOfRangeException();
            _reference = ref Unsafe.Add(ref Unsafe.As<byte, T>(ref Unsafe.AsRef<byte>(ArrayData.First(array))), start);
            _length = length;
        }

        /// <summary>A span over <paramref name="length"/> elements at <paramref name="pointer"/> (stack or raw memory).</summary>
        public unsafe Span(void* pointer, int length)
        {
            if (length < 0)
                ThrowHelpers.ThrowArgumentOutOfRangeException();
            _reference = ref Unsafe.AsRef<T>(pointer);
            _length = length;
        }

        internal Span(ref T reference, int length)
        {
            _reference = ref reference;
            _length = length;
        }

        /// <summary>Number of elements.</summary>
        public int Length => _length;

        /// <summary>Whether the span has no elements.</summary>
        public bool IsEmpty => _length == 0;

        /// <summary>A reference to the element at <paramref name="index"/>, bounds checked.</summary>
        public ref T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length)
                    ThrowHelpers.ThrowIndexOutOfRangeException();
                return ref Unsafe.Add(ref _reference, index);
            }
        }

        /// <summary>The elements from <paramref name="start"/> on.</summary>
        public Span<T> Slice(int start)
        {
            if ((uint)start > (uint)_length)
                ThrowHelpers.ThrowArgumentOutOfRangeException();
            return new Span<T>(ref Unsafe.Add(ref _reference, start), _length - start);
        }

        /// <summary>The elements [start, start + length).</summary>
        public Span<T> Slice(int start, int length)
        {
            if ((uint)start > (uint)_length || (uint)length > (uint)(_length - start))
                ThrowHelpers.ThrowArgumentOutOfRangeException();
            return new Span<T>(ref Unsafe.Add(ref _reference, start), length);
        }

        /// <summary>Sets every element to <paramref name="value"/>.</summary>
        public void Fill(T value)
        {
            for (int i = 0; i < _length; i++)
                Unsafe.Add(ref _reference, i) = value;
        }

        /// <summary>Sets every element to default(T).</summary>
        public void Clear() => Fill(default);

        /// <summary>Copies the elements into <paramref name="destination"/>, which must be at least as long.</summary>
        public void CopyTo(Span<T> destination)
        {
            if (destination._length < _length)
                ThrowHelpers.ThrowArgumentException();
            ((ReadOnlySpan<T>)this).CopyTo(destination);
        }

        /// <summary>The elements in a new array.</summary>
        public T[] ToArray() => ((ReadOnlySpan<T>)this).ToArray();

        /// <summary>A span over the whole array.</summary>
        public static implicit operator Span<T>(T[] array) => new Span<T>(array);

        /// <summary>The same elements, read-only.</summary>
        public static implicit operator ReadOnlySpan<T>(Span<T> span) => new ReadOnlySpan<T>(ref span._reference, span._length);

        /// <summary>An enumerator for `foreach` over references to the elements.</summary>
        public Enumerator GetEnumerator() => new Enumerator(this);

        /// <summary>Walks a span from first to last.</summary>
        public ref struct Enumerator
        {
            private readonly Span<T> _span;
            private int _index;

            internal Enumerator(Span<T> span)
            {
                _span = span;
                _index = -1;
            }

            /// <summary>Moves to the next element; false past the end.</summary>
            public bool MoveNext() => ++_index < _span.Length;

            /// <summary>A reference to the current element.</summary>
            public ref T Current => ref _span[_index];
        }
    }
}
