using System.Runtime.CompilerServices;
using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;

namespace System
{
    /// <summary>
    /// The base class of every enum. An enum's MethodTable stores its underlying type's element
    /// type, so a boxed enum's value can be read without reflection. MyOS keeps no names:
    /// <see cref="ToString()"/> gives the number.
    /// </summary>
    public abstract unsafe class Enum : ValueType
    {
        /// <summary>The boxed value widened to 64 bits (sign-extended for signed underlying types).</summary>
        private long ToInt64()
        {
            object self = this;
            MethodTable* type = self.m_pEEType;
            byte* data = (byte*)StartupCodeHelpers.GetObjectAddress(self) + sizeof(void*);
            switch (type->ElementType)
            {
                case MethodTable.ElementSByte: return *(sbyte*)data;
                case MethodTable.ElementByte:
                case MethodTable.ElementBoolean: return *data;
                case MethodTable.ElementInt16: return *(short*)data;
                case MethodTable.ElementUInt16:
                case MethodTable.ElementChar: return *(ushort*)data;
                case MethodTable.ElementInt32: return *(int*)data;
                case MethodTable.ElementUInt32: return *(uint*)data;
                default: return *(long*)data;
            }
        }

        /// <summary>Whether every bit set in <paramref name="flag"/> is set in this value (the JIT usually inlines this).</summary>
        [Intrinsic]
        public bool HasFlag(Enum flag)
        {
            if (flag == null)
                ThrowHelpers.ThrowArgumentNullException();
            long bits = flag.ToInt64();
            return (ToInt64() & bits) == bits;
        }

        /// <summary>Whether <paramref name="obj"/> is the same enum type with the same value.</summary>
        public override bool Equals(object obj) =>
            obj is Enum other && other.m_pEEType == m_pEEType && other.ToInt64() == ToInt64();

        /// <summary>The hash of the underlying value.</summary>
        public override int GetHashCode()
        {
            long value = ToInt64();
            return (int)value ^ (int)(value >> 32);
        }

        /// <summary>Compares the underlying values of two values of the same enum type.</summary>
        public int CompareTo(object target)
        {
            if (target == null)
                return 1;
            long a = ToInt64(), b = ((Enum)target).ToInt64();
            return a < b ? -1 : a > b ? 1 : 0;
        }

        /// <summary>The underlying value in decimal (MyOS keeps no enum names).</summary>
        public override string ToString()
        {
            uint element = m_pEEType->ElementType;
            long value = ToInt64();
            return element == MethodTable.ElementUInt64 ? ((ulong)value).ToString() : value.ToString();
        }
    }
}
