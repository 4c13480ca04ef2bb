using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;
using System.Runtime.CompilerServices;

namespace System.Runtime
{
    /// <summary>Boxing and unboxing helpers the compiler calls by name.</summary>
    internal static unsafe class RuntimeExports
    {
        /// <summary>The payload of a box: the bytes after its MethodTable pointer.</summary>
        private static byte* Payload(object box) => (byte*)StartupCodeHelpers.GetObjectAddress(box) + sizeof(void*);

        /// <summary>
        /// Boxes the value at <paramref name="data"/> as type <paramref name="type"/>. A Nullable
        /// boxes as its value, or as null when it has none (as in .NET).
        /// </summary>
        internal static object RhBox(MethodTable* type, ref byte data)
        {
            byte* source = (byte*)Unsafe.AsPointer(ref data);
            if (type->IsNullable)
            {
                if (*source == 0)
                    return null;
                source += type->NullableValueOffset;
                type = type->FirstGenericArgument;
            }
            object box = StartupCodeHelpers.RhNewObject(type);
            SpanHelpers.Memmove(ref *Payload(box), ref *source, type->ValueSize);
            return box;
        }

        /// <summary>A reference to the value inside a box of exactly <paramref name="type"/>.</summary>
        internal static ref byte RhUnbox2(MethodTable* type, object obj)
        {
            if (obj == null)
                ThrowHelpers.ThrowNullReferenceException();
            if (obj.m_pEEType != type)
                TypeCast.FailCast(obj.m_pEEType, type, "InvalidCastException", "Unable to unbox object of type ");
            return ref *Payload(obj);
        }

        /// <summary>Unboxes into a Nullable&lt;T&gt;: null gives "no value", a boxed T gives that value.</summary>
        internal static void RhUnboxNullable(ref byte data, MethodTable* type, object obj)
        {
            byte* destination = (byte*)Unsafe.AsPointer(ref data);
            SpanHelpers.ClearWithoutReferences(ref data, type->ValueSize);
            if (obj == null)
                return;
            MethodTable* valueType = type->FirstGenericArgument;
            if (obj.m_pEEType != valueType)
                TypeCast.FailCast(obj.m_pEEType, type, "InvalidCastException", "Unable to unbox object of type ");
            *destination = 1;
            SpanHelpers.Memmove(ref *(destination + type->NullableValueOffset), ref *Payload(obj), valueType->ValueSize);
        }

        /// <summary>Checks that a box of <paramref name="boxType"/> may be unboxed as <paramref name="type"/>.</summary>
        internal static void RhUnboxTypeTest(MethodTable* type, MethodTable* boxType)
        {
            if (type != boxType)
                TypeCast.FailCast(boxType, type, "InvalidCastException", "Unable to unbox object of type ");
        }
    }
}
