using System.Runtime.CompilerServices;

namespace MyOS.Core.Memory
{
    /// <summary>
    /// An address in physical memory: what the memory map, the page allocator, page-table
    /// entries and CR3 hold. It is not a pointer: the kernel reaches the byte there only through
    /// a <see cref="DirectMap"/>, so code that dereferences one, or passes one where a
    /// <see cref="VirtualAddress"/> is wanted, does not compile. Invariant: none beyond the
    /// 64-bit value; 0 is the null address (page 0 is never handed out, so it also means
    /// failure where the seed API says so). Costs what a ulong costs: one field, every member small
    /// enough to be inlined.
    /// </summary>
    public readonly struct PhysicalAddress
    {
        /// <summary>The address <paramref name="value"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public PhysicalAddress(ulong value) => Value = value;

        /// <summary>The address as a number (for printing, page arithmetic and the seed's plain API).</summary>
        public ulong Value { get; }

        /// <summary>True for address 0, which the page allocator returns when it has nothing.</summary>
        public bool IsNull => Value == 0;

        /// <summary>True when both are the same address.</summary>
        public static bool operator ==(PhysicalAddress a, PhysicalAddress b) => a.Value == b.Value;

        /// <summary>True when the addresses differ.</summary>
        public static bool operator !=(PhysicalAddress a, PhysicalAddress b) => a.Value != b.Value;

        /// <summary>Equal when the values are.</summary>
        public override bool Equals(object other) => other is PhysicalAddress address && address.Value == Value;

        /// <summary>The value's hash.</summary>
        public override int GetHashCode() => Value.GetHashCode();
    }
}
