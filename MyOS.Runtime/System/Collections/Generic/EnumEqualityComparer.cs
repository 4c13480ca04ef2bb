using System.Runtime.CompilerServices;

namespace System.Collections.Generic
{
    /// <summary>Equality of enum values by their underlying bits (no boxing). ILC picks it by name.</summary>
    internal sealed class EnumEqualityComparer<T> : EqualityComparer<T> where T : struct, Enum
    {
        public override bool Equals(T x, T y) => Bits(x) == Bits(y);
        public override int GetHashCode(T obj)
        {
            long bits = Bits(obj);
            return (int)bits ^ (int)(bits >> 32);
        }

        private static long Bits(T value)
        {
            switch (Unsafe.SizeOf<T>())
            {
                case 1: return Unsafe.As<T, byte>(ref value);
                case 2: return Unsafe.As<T, short>(ref value);
                case 4: return Unsafe.As<T, int>(ref value);
                default: return Unsafe.As<T, long>(ref value);
            }
        }
    }
}
