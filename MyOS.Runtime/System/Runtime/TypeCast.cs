using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;

namespace System.Runtime
{
    /// <summary>
    /// Casting helpers the compiler calls by name for `is`, `as`, casts and array stores.
    /// Supported: class hierarchies, interfaces listed in a type's interface map, and exact
    /// array types. A failed cast ends in a panic report.
    /// </summary>
    internal static unsafe class TypeCast
    {
        private static MethodTable* TypeOf(object obj) => obj.m_pMethodTable;

        /// <summary>Whether <paramref name="type"/> is <paramref name="target"/> or derives from or implements it.</summary>
        internal static bool IsAssignable(MethodTable* type, MethodTable* target)
        {
            if (type == target)
                return true;
            if (target->IsInterface)
            {
                MethodTable** map = type->InterfaceMap;
                for (int i = 0; i < type->InterfaceCount; i++)
                    if (map[i] == target)
                        return true;
                return false;
            }
            if (type->ComponentSize != 0)
                return false;
            for (MethodTable* baseType = type->RelatedType; baseType != null; baseType = baseType->RelatedType)
                if (baseType == target)
                    return true;
            return false;
        }

        private static object IsInstanceOfClass(MethodTable* target, object obj) =>
            obj == null || IsAssignable(TypeOf(obj), target) ? obj : null;

        private static object IsInstanceOfInterface(MethodTable* target, object obj) =>
            obj == null || IsAssignable(TypeOf(obj), target) ? obj : null;

        private static object IsInstanceOfAny(MethodTable* target, object obj) =>
            obj == null || IsAssignable(TypeOf(obj), target) ? obj : null;

        private static bool IsInstanceOfException(MethodTable* target, object obj) =>
            obj != null && IsAssignable(TypeOf(obj), target);

        private static object CheckCastClass(MethodTable* target, object obj) => CheckCast(target, obj);
        private static object CheckCastClassSpecial(MethodTable* target, object obj) => CheckCast(target, obj);
        private static object CheckCastInterface(MethodTable* target, object obj) => CheckCast(target, obj);
        private static object CheckCastAny(MethodTable* target, object obj) => CheckCast(target, obj);

        private static object CheckCast(MethodTable* target, object obj)
        {
            if (obj == null || IsAssignable(TypeOf(obj), target))
                return obj;
            ThrowHelpers.ThrowInvalidCastException();
            return null;
        }

        /// <summary>Stores a reference into an array after checking the element type (array covariance).</summary>
        private static void StelemRef(object[] array, nint index, object obj)
        {
            if ((nuint)index >= (uint)array.Length)
                ThrowHelpers.ThrowIndexOutOfRangeException();
            if (obj != null && !IsAssignable(TypeOf(obj), TypeOf(array)->RelatedType))
                ThrowHelpers.ThrowArrayTypeMismatchException();
            ref object element = ref ElementRef(array, index);
            element = obj;
        }

        /// <summary>A reference to an array element, checking that the array's element type is exactly the one expected.</summary>
        private static ref object LdelemaRef(object[] array, nint index, MethodTable* elementType)
        {
            if ((nuint)index >= (uint)array.Length)
                ThrowHelpers.ThrowIndexOutOfRangeException();
            if (TypeOf(array)->RelatedType != elementType)
                ThrowHelpers.ThrowArrayTypeMismatchException();
            return ref ElementRef(array, index);
        }

        private static ref object ElementRef(object[] array, nint index)
        {
            // Elements start after the MethodTable pointer and the 8-byte (padded) length.
            byte* first = (byte*)StartupCodeHelpers.GetObjectAddress(array) + 2 * sizeof(void*);
            return ref *(object*)(first + index * sizeof(void*));
        }
    }
}
