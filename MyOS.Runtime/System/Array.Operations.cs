using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;
using System.Runtime;

namespace System
{
    /// <summary>Copying, clearing and searching one-dimensional arrays.</summary>
    public abstract unsafe partial class Array
    {
        /// <summary>Address of element 0: after the MethodTable pointer and the padded length.</summary>
        private static byte* Elements(Array array) => (byte*)StartupCodeHelpers.GetObjectAddress(array) + 2 * sizeof(void*);

        private static void CheckRange(Array array, int index, int length)
        {
            if (array == null)
                ThrowHelpers.ThrowArgumentNullException();
            if (index < 0 || length < 0 || index > array.Length - length)
                ThrowHelpers.ThrowArgumentOutOfRangeException();
        }

        /// <summary>Copies the first <paramref name="length"/> elements of one array into another.</summary>
        public static void Copy(Array sourceArray, Array destinationArray, int length) =>
            Copy(sourceArray, 0, destinationArray, 0, length);

        /// <summary>
        /// Copies <paramref name="length"/> elements; the ranges may overlap. The arrays must have the
        /// same element type, or both hold references and every copied element fit the destination
        /// (ArrayTypeMismatchException otherwise).
        /// </summary>
        public static void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length)
        {
            CheckRange(sourceArray, sourceIndex, length);
            CheckRange(destinationArray, destinationIndex, length);
            object source = sourceArray, destination = destinationArray;
            MethodTable* sourceType = source.m_pEEType, destinationType = destination.m_pEEType;
            uint elementSize = sourceType->ComponentSize;
            if (sourceType != destinationType)
            {
                MethodTable* sourceElement = sourceType->RelatedType, destinationElement = destinationType->RelatedType;
                if (sourceElement->IsValueType || destinationElement->IsValueType)
                    ThrowHelpers.ThrowArrayTypeMismatchException();
                object* from = (object*)(Elements(sourceArray) + sourceIndex * sizeof(void*));
                for (int i = 0; i < length; i++)
                    if (from[i] != null && !TypeCast.IsAssignable(from[i].m_pEEType, destinationElement))
                        ThrowHelpers.ThrowArrayTypeMismatchException();
            }
            nuint bytes = (nuint)length * elementSize;
            SpanHelpers.Memmove(ref *(Elements(destinationArray) + (nuint)destinationIndex * elementSize),
                ref *(Elements(sourceArray) + (nuint)sourceIndex * elementSize), bytes);
        }

        /// <summary>Sets <paramref name="length"/> elements from <paramref name="index"/> to their default value.</summary>
        public static void Clear(Array array, int index, int length)
        {
            CheckRange(array, index, length);
            object self = array;
            uint elementSize = self.m_pEEType->ComponentSize;
            SpanHelpers.ClearWithoutReferences(ref *(Elements(array) + (nuint)index * elementSize), (nuint)length * elementSize);
        }

        /// <summary>Sets every element to its default value.</summary>
        public static void Clear(Array array) => Clear(array, 0, array.Length);

        /// <summary>Index of the first element equal to <paramref name="value"/> (by Equals), or -1.</summary>
        public static int IndexOf<T>(T[] array, T value)
        {
            if (array == null)
                ThrowHelpers.ThrowArgumentNullException();
            for (int i = 0; i < array.Length; i++)
                if (System.Collections.Generic.EqualityComparer<T>.Default.Equals(array[i], value))
                    return i;
            return -1;
        }

        /// <summary>Replaces <paramref name="array"/> by a copy of <paramref name="newSize"/> elements.</summary>
        public static void Resize<T>(ref T[] array, int newSize)
        {
            if (newSize < 0)
                ThrowHelpers.ThrowArgumentOutOfRangeException();
            T[] resized = new T[newSize];
            if (array != null)
                Copy(array, resized, array.Length < newSize ? array.Length : newSize);
            array = resized;
        }

        /// <summary>An empty array of T (a new one each time; MyOS does not cache it).</summary>
        public static T[] Empty<T>() => new T[0];

        /// <summary>Reverses the order of the elements.</summary>
        public static void Reverse<T>(T[] array)
        {
            for (int i = 0, j = array.Length - 1; i < j; i++, j--)
            {
                T swap = array[i];
                array[i] = array[j];
                array[j] = swap;
            }
        }
    }
}
