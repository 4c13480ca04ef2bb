using Internal.Runtime;

namespace System
{
    /// <summary>
    /// The root of every class. Its only field, the MethodTable pointer, is the layout contract
    /// with ILC: an object reference points at it, and the 8-byte object header sits just below.
    /// </summary>
    public unsafe class Object
    {
        /// <summary>The object's type: vtable, base size, GC descriptor. Set by the allocator.</summary>
        internal MethodTable* m_pEEType;

        /// <summary>Reference equality unless a type overrides it.</summary>
        public virtual bool Equals(object obj) => this == obj;

        /// <summary>A hash from the object's address (objects do not move: there is no compacting GC).</summary>
        public virtual int GetHashCode()
        {
            object self = this;
            ulong address = (ulong)*(void**)&self;
            return (int)(address ^ (address >> 32));
        }

        /// <summary>Text for the object; the base class has no type names to offer.</summary>
        public virtual string ToString() => "object";
    }
}
