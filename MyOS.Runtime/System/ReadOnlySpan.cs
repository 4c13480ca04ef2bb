using System.Runtime.CompilerServices;
using Internal.Runtime.CompilerHelpers;

namespace System
{
    /// <summary>A read-only, bounds-checked window on contiguous memory (array, string, stack or raw memory).</summary>
    public readonly unsafe ref struct ReadOnlySpan<T>
    {
        /// <summary>The first element.</summary>
        internal readonly ref T _reference;
        /// <summary>Number of elements.</summary>
        private readonly int _length;

        /// <summary>A span over the whole array (null gives an empty span).</summary>
        public ReadOnlySpan(T[] array)
        {
            if (array == null)
            {
                this = default;
                return;
            }
            _reference = ref Unsafe.As<byte, T>(ref Unsafe.AsRef<byte>(ArrayData.First(array)));
            _length = array.Length;
        }

        /// <summary>A span over <paramref name="length"/> elements at <paramref name="pointer"/>.</summary>
        public unsafe ReadOnlySpan(void* pointer, int length)
        {
            if (length < 0)
                ThrowHelpers.ThrowArgumentOutOfRangeException();
            _reference = ref Unsafe.AsRef<T>(pointer);
            _length = length;
        }

        internal ReadOnlySpan(ref T reference, int length)
        {
            _reference = ref reference;
            _length = length;
        }

        /// <summary>Number of elements.</summary>
        public int Length => _length;

        /// <summary>Whether the span has no elements.</summary>
        public bool IsEmpty => _length == 0;

        /// <summary>The element at <paramref name="index"/>, bounds checked.</summary>
        public ref readonly T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length)
                    ThrowHelpers.ThrowIndexOutOfRangeException();
                return ref Unsafe.Add(ref _reference, index);
            }
        }

        /// <summary>The elements from <paramref name="start"/> on.</summary>
        public ReadOnlySpan<T> Slice(int start)
        {
            if ((uint)start > (uint)_length)
                ThrowHelpers.ThrowArgumentOutOfRangeException();
            return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, start), _length - start);
        }

        /// <summary>The elements [start, start + length).</summary>
        public ReadOnlySpan<T> Slice(int start, int length)
        {
            if ((uint)start > (uint)_length || (uint)length > (uint)(_length - start))
                ThrowHelpers.ThrowArgumentOutOfRangeException();
            return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, start), length);
        }

        /// <summary>Copies the elements into <paramref name="destination"/>, which must be at least as long.</summary>
        public void CopyTo(Span<T> destination)
        {
            if (destination.Length < _length)
                ThrowHelpers.ThrowArgumentException();
            // Element by element: correct for overlapping ranges only when copying downwards, like .NET's forward case.
            for (int i = 0; i < _length; i++)
                destination[i] = Unsafe.Add(ref _reference, i);
        }

        /// <summary>The elements in a new array.</summary>
        public T[] ToArray()
        {
            T[] result = new T[_length];
            for (int i = 0; i < _length; i++)
                result[i] = Unsafe.Add(ref _reference, i);
            return result;
        }

        /// <summary>A span over the whole array.</summary>
        public static implicit operator ReadOnlySpan<T>(T[] array) => new ReadOnlySpan<T>(array);

        /// <summary>An enumerator for `foreach`.</summary>
        public Enumerator GetEnumerator() => new Enumerator(this);

        /// <summary>Walks a span from first to last.</summary>
        public ref struct Enumerator
        {
            private readonly ReadOnlySpan<T> _span;
            private int _index;

            internal Enumerator(ReadOnlySpan<T> span)
            {
                _span = span;
                _index = -1;
            }

            /// <summary>Moves to the next element; false past the end.</summary>
            public bool MoveNext() => ++_index < _span.Length;

            /// <summary>The current element.</summary>
            public ref readonly T Current => ref _span[_index];
        }
    }
}
