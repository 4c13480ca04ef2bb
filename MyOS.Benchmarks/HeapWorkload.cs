using System;
using System.Runtime.CompilerServices;

namespace MyOS.Benchmarks
{
    /// <summary>How heap request sizes are drawn.</summary>
    public enum SizeMix
    {
        /// <summary>Uniform in 4..1000 bytes.</summary>
        Uniform,
        /// <summary>4..1000 bytes with density proportional to 1/size: many small, a long tail.</summary>
        PowerLaw,
    }

    /// <summary>
    /// The heap workload every heap measurement shares (HeapBenchmarks, HeapLinearBenchmarks,
    /// the tree-shape check in HeapEfficiency): <see cref="Live"/> blocks of random sizes, then
    /// pairs that free a random live block and allocate a new random size in its slot. The
    /// random streams are drawn once from a fixed seed, so every allocator sees the same requests.
    /// </summary>
    public sealed class HeapWorkload
    {
        private readonly ulong[] _sizes;     // request size of pair i (mod the stream length)
        private readonly int[] _victims;     // slot freed and refilled by pair i
        private readonly int _mask;          // stream length - 1
        private int _cursor;                 // next position in the streams

        /// <summary>The live blocks, one per slot.</summary>
        public readonly IntPtr[] Slots;

        public int Live => Slots.Length;

        public HeapWorkload(int live, SizeMix mix)
        {
            // A power of two, 65,536 or the first above the live count: long enough that the churn
            // reaches every slot at a million live blocks, short enough not to crowd the cache
            // when the heap itself is small.
            int length = 1 << 16;
            while (length < live)
                length <<= 1;
            _mask = length - 1;
            var rng = new Random(12345);
            _sizes = new ulong[length];
            _victims = new int[length];
            for (int i = 0; i < length; i++)
            {
                _sizes[i] = mix == SizeMix.Uniform
                    ? (ulong)rng.Next(4, 1001)
                    : (ulong)(4 * Math.Pow(250, rng.NextDouble()));
                _victims[i] = rng.Next(live);
            }
            Slots = new IntPtr[live];
        }

        /// <summary>
        /// Allocates the live set, then churns it with max(live, 20,000) pairs, so that every
        /// live count is measured in a steady state (most blocks replaced at least once, the free
        /// list holding its usual holes), not on the freshly packed heap.
        /// </summary>
        public void Fill(Func<ulong, IntPtr> allocate, Action<IntPtr> free)
        {
            for (int i = 0; i < Live; i++)
                Slots[i] = allocate(_sizes[i & _mask]);
            Churn(Math.Max(Live, 20_000), allocate, free);
        }

        /// <summary>Runs <paramref name="pairs"/> free+allocate pairs.</summary>
        public void Churn(int pairs, Func<ulong, IntPtr> allocate, Action<IntPtr> free)
        {
            for (int i = 0; i < pairs; i++)
            {
                int slot = Next(out ulong size);
                free(Slots[slot]);
                Slots[slot] = allocate(size);
            }
        }

        /// <summary>The next pair's slot and size (the benchmarks inline the pair to time it without delegates).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Next(out ulong size)
        {
            int k = _cursor++ & _mask;
            size = _sizes[k];
            return _victims[k];
        }
    }
}
