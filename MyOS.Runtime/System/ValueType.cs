using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;

namespace System
{
    /// <summary>
    /// The base class of every struct. Without reflection, the default Equals and GetHashCode
    /// look at the boxed struct's bytes; structs with reference fields or padding should
    /// override them (or implement IEquatable&lt;T&gt;) for value semantics.
    /// </summary>
    public abstract unsafe class ValueType
    {
        /// <summary>Whether <paramref name="obj"/> is a box of the same type with the same bytes.</summary>
        public override bool Equals(object obj)
        {
            object self = this;
            if (obj == null || obj.m_pEEType != self.m_pEEType)
                return false;
            uint size = self.m_pEEType->ValueSize;
            byte* a = (byte*)StartupCodeHelpers.GetObjectAddress(self) + sizeof(void*);
            byte* b = (byte*)StartupCodeHelpers.GetObjectAddress(obj) + sizeof(void*);
            for (uint i = 0; i < size; i++)
                if (a[i] != b[i])
                    return false;
            return true;
        }

        /// <summary>A hash (FNV-1a) of the boxed struct's bytes.</summary>
        public override int GetHashCode()
        {
            object self = this;
            uint size = self.m_pEEType->ValueSize;
            byte* data = (byte*)StartupCodeHelpers.GetObjectAddress(self) + sizeof(void*);
            uint hash = 2166136261;
            for (uint i = 0; i < size; i++)
                hash = (hash ^ data[i]) * 16777619;
            return (int)hash;
        }
    }
}
