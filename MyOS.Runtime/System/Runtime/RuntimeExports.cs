using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;
using System.Runtime.CompilerServices;

namespace System.Runtime
{
    /// <summary>Boxing and unboxing helpers the compiler calls by name.</summary>
    internal static unsafe class RuntimeExports
    {
        /// <summary>Boxes the value at <paramref name="data"/> as type <paramref name="type"/>.</summary>
        internal static object RhBox(MethodTable* type, ref byte data)
        {
            object box = StartupCodeHelpers.RhNewObject(type);
            // Payload size: base size less the object header and the MethodTable pointer.
            nuint size = type->BaseSize - 2 * (nuint)sizeof(void*);
            byte* payload = (byte*)StartupCodeHelpers.GetObjectAddress(box) + sizeof(void*);
            SpanHelpers.Memmove(ref *payload, ref data, size);
            return box;
        }

        /// <summary>A reference to the value inside a box of exactly <paramref name="type"/>.</summary>
        internal static ref byte RhUnbox2(MethodTable* type, object obj)
        {
            if (obj == null)
                ThrowHelpers.ThrowNullReferenceException();
            if (obj.m_pMethodTable != type)
                ThrowHelpers.ThrowInvalidCastException();
            return ref *((byte*)StartupCodeHelpers.GetObjectAddress(obj) + sizeof(void*));
        }

        /// <summary>Unboxes into a Nullable&lt;T&gt;: { bool hasValue; T value }.</summary>
        internal static void RhUnboxNullable(ref byte data, MethodTable* type, object obj)
        {
            MethodTable* valueType = type->RelatedType;
            nuint valueSize = type->BaseSize - 2 * (nuint)sizeof(void*);
            if (obj == null)
            {
                SpanHelpers.ClearWithoutReferences(ref data, valueSize);
                return;
            }
            if (obj.m_pMethodTable != valueType)
                ThrowHelpers.ThrowInvalidCastException();
            data = 1;
            // The value sits after hasValue, at the value type's alignment; the field offset is
            // the Nullable's size minus the value's size.
            nuint payloadSize = valueType->BaseSize - 2 * (nuint)sizeof(void*);
            byte* payload = (byte*)StartupCodeHelpers.GetObjectAddress(obj) + sizeof(void*);
            SpanHelpers.Memmove(ref Unsafe.AddByteOffset(ref data, (nint)(valueSize - payloadSize)), ref *payload, payloadSize);
        }

        /// <summary>Checks that a box of <paramref name="boxType"/> may be unboxed as <paramref name="type"/>.</summary>
        internal static void RhUnboxTypeTest(MethodTable* type, MethodTable* boxType)
        {
            if (type != boxType)
                ThrowHelpers.ThrowInvalidCastException();
        }
    }
}
