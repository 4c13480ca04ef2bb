using System;
using System.Collections.Generic;
using MyOS.Core.Memory.Map;

namespace MyOS.Tests.Memory
{
    /// <summary>Synthetic physical memory maps for the page allocator tests.</summary>
    public static class PageAllocatorTestMaps
    {
        public const ulong KiB = 1024;
        public const ulong MiB = 1024 * KiB;
        public const ulong GiB = 1024 * MiB;

        public static MemoryRange Usable(ulong start, ulong end) => new MemoryRange(start, end - start, MemoryKind.Usable);

        public static MemoryRange Reserved(ulong start, ulong end) => new MemoryRange(start, end - start, MemoryKind.Reserved);

        /// <summary>What QEMU's BIOS reports for -m 128M: low RAM, VGA/BIOS holes, RAM to 0x7FE0000.</summary>
        public static MemoryRange[] Qemu128M() => new[]
        {
            Usable(0, 0x9FC00),
            Reserved(0x9FC00, 0xA0000),
            Reserved(0xF0000, 0x100000),
            Usable(0x100000, 0x7FE0000),
            Reserved(0x7FE0000, 0x8000000),
            Reserved(0xFFFC0000, 0x100000000),
        };

        /// <summary>One usable region [0, size): page 0 is its only reserved page.</summary>
        public static MemoryRange[] Flat(ulong size) => new[] { Usable(0, size) };

        /// <summary>
        /// A random layout below 256 MiB: a handful of usable regions of mixed sizes (some
        /// unaligned, some tiny) and reserved regions laid over them.
        /// </summary>
        public static MemoryRange[] RandomLayout(int seed)
        {
            var rng = new Random(seed);
            var regions = new List<MemoryRange>();
            ulong address = (ulong)rng.Next(0, 4) * 0x1000 + (ulong)rng.Next(0, 2) * 0x800;
            int usableCount = rng.Next(2, 10);
            for (int i = 0; i < usableCount; i++)
            {
                ulong length = rng.Next(4) switch
                {
                    0 => (ulong)rng.Next(1, 3 * 4096),            // tiny, often less than a page
                    1 => (ulong)rng.Next(1, 600) * 4096,           // around a group
                    2 => (ulong)rng.Next(1, 8) * 2 * MiB,          // whole groups
                    _ => (ulong)rng.Next(1, 40 * (int)MiB),        // anything, unaligned
                };
                regions.Add(new MemoryRange(address, length, MemoryKind.Usable));
                address += length + (ulong)rng.Next(0, 3) * (ulong)rng.Next(0, 4 * (int)MiB);
                if (address > 220 * MiB)
                {
                    break;
                }
            }
            int reservedCount = rng.Next(0, 6);
            for (int i = 0; i < reservedCount; i++)
            {
                ulong start = (ulong)rng.NextInt64(0, (long)address);
                ulong length = (ulong)rng.Next(1, 64 * 4096);
                var kind = i % 2 == 0 ? MemoryKind.Reserved : MemoryKind.Kernel;
                regions.Insert(rng.Next(regions.Count + 1), new MemoryRange(start, length, kind));
            }
            return regions.ToArray();
        }
    }
}
