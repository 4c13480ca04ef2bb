using System.Runtime.CompilerServices;

namespace MyOS.Core.Memory
{
    /// <summary>
    /// An address in the kernel's virtual address space: what a pointer holds and what the
    /// page tables map from. A distinct type from <see cref="PhysicalAddress"/>, so the two
    /// cannot be swapped (say, in <c>PageTableBuilder.Map</c>) without the compiler refusing;
    /// <see cref="DirectMap"/> converts between them. Invariant: none beyond the 64-bit value.
    /// Costs what a ulong costs: one field, every member small enough to be inlined.
    /// </summary>
    public readonly unsafe struct VirtualAddress
    {
        /// <summary>The address <paramref name="value"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public VirtualAddress(ulong value) => Value = value;

        /// <summary>The address as a number (for printing and page-table index arithmetic).</summary>
        public ulong Value { get; }

        /// <summary>The address a pointer holds.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static VirtualAddress Of(void* pointer) => new VirtualAddress((ulong)pointer);

        /// <summary>The address as a pointer, to read or write the byte there.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public byte* ToPointer() => (byte*)Value;

        /// <summary>True when both are the same address.</summary>
        public static bool operator ==(VirtualAddress a, VirtualAddress b) => a.Value == b.Value;

        /// <summary>True when the addresses differ.</summary>
        public static bool operator !=(VirtualAddress a, VirtualAddress b) => a.Value != b.Value;

        /// <summary>Equal when the values are.</summary>
        public override bool Equals(object other) => other is VirtualAddress address && address.Value == Value;

        /// <summary>The value's hash.</summary>
        public override int GetHashCode() => Value.GetHashCode();
    }
}
