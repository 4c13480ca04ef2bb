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
        private static MethodTable* TypeOf(object obj) => obj.m_pEEType;

        /// <summary>
        /// Whether a value of <paramref name="type"/> may be used as <paramref name="target"/>: the
        /// same type, a base class, an interface in the type's interface map (no generic variance),
        /// or, for arrays, object, System.Array, or an array whose reference element type is
        /// assignable (array covariance).
        /// </summary>
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
            if (type->IsArray)
            {
                if (target->IsArray)
                {
                    MethodTable* element = type->RelatedType, targetElement = target->RelatedType;
                    return type->BaseSize == target->BaseSize && !element->IsValueType && !targetElement->IsValueType
                        && IsAssignable(element, targetElement);
                }
                // An array's base types are System.Array and object (object has no base type).
                return target->ElementType == MethodTable.ElementSystemArray || (target->RelatedType == null && !target->IsValueType);
            }
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
            FailCast(TypeOf(obj), target, "InvalidCastException", "Unable to cast object of type ");
            return null;
        }

        /// <summary>Ends in a panic report naming both types: "&lt;prefix&gt;&lt;type&gt; to type &lt;target&gt;."</summary>
        internal static void FailCast(MethodTable* type, MethodTable* target, string exceptionName, string prefix) =>
            RuntimeFailure.Fail(exceptionName, prefix + TypeNames.Describe(type) + " to type " + TypeNames.Describe(target) + ".");

        /// <summary>Stores a reference into an array after checking the element type (array covariance).</summary>
        private static void StelemRef(object[] array, nint index, object obj)
        {
            if ((nuint)index >= (uint)array.Length)
                ThrowHelpers.ThrowIndexOutOfRangeException();
            if (obj != null && !IsAssignable(TypeOf(obj), TypeOf(array)->RelatedType))
                FailCast(TypeOf(obj), TypeOf(array)->RelatedType, "ArrayTypeMismatchException", "Cannot store an object of type ");
            ref object element = ref ElementRef(array, index);
            element = obj;
        }

        /// <summary>A reference to an array element, checking that the array's element type is exactly the one expected.</summary>
        private static ref object LdelemaRef(object[] array, nint index, MethodTable* elementType)
        {
            if ((nuint)index >= (uint)array.Length)
                ThrowHelpers.ThrowIndexOutOfRangeException();
            if (TypeOf(array)->RelatedType != elementType)
                FailCast(TypeOf(array)->RelatedType, elementType, "ArrayTypeMismatchException", "Array element type is ");
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
