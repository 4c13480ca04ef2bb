using System;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Map;
using Xunit;

namespace MyOS.Tests.Memory
{
    /// <summary>MemoryMap: normalisation of firmware maps, reservations, TakeUsable and capacity limits.</summary>
    public class MemoryMapTests
    {
        private const MemoryKind U = MemoryKind.Usable, R = MemoryKind.Reserved, K = MemoryKind.Kernel;
        private const MemoryKind Acpi = MemoryKind.AcpiReclaimable, Nvs = MemoryKind.AcpiNvs, Bad = MemoryKind.BadMemory;
        private const ulong MiB = 0x100000, GiB = 0x40000000;

        // Entries are written (start, end, kind): easier to read against firmware dumps.
        private static MemoryMap Built(int capacity, params (ulong Start, ulong End, MemoryKind Kind)[] raw)
        {
            var map = new MemoryMap(capacity);
            foreach (var r in raw)
                Assert.Equal(MemoryMapStatus.Ok, map.Add(r.Start, r.End - r.Start, r.Kind));
            Assert.Equal(MemoryMapStatus.Ok, map.Build());
            CheckInvariants(map);
            return map;
        }

        private static MemoryMap Built(params (ulong, ulong, MemoryKind)[] raw) => Built(MemoryMap.DefaultCapacity, raw);

        private static void AssertRegions(MemoryMap map, params (ulong Start, ulong End, MemoryKind Kind)[] expected)
        {
            var actual = new (ulong, ulong, MemoryKind)[map.Count];
            for (int i = 0; i < map.Count; i++)
                actual[i] = (map[i].Base, map[i].End, map[i].Kind);
            Assert.Equal(expected, actual);
        }

        /// <summary>What Build promises: sorted, disjoint, merged, usable page-aligned, page 0 not usable, statistics right.</summary>
        private static void CheckInvariants(MemoryMap map)
        {
            ulong total = 0, usable = 0, highest = 0;
            for (int i = 0; i < map.Count; i++)
            {
                MemoryRange r = map.GetRange(i);
                Assert.True(r.Length > 0);
                if (i > 0)
                {
                    Assert.True(map[i - 1].End <= r.Base, "sorted and disjoint");
                    Assert.False(map[i - 1].End == r.Base && map[i - 1].Kind == r.Kind, "merged");
                }
                total += r.Length;
                if (r.Kind == U)
                {
                    Assert.Equal(0UL, r.Base % PageMath.PageSize);
                    Assert.Equal(0UL, r.Length % PageMath.PageSize);
                    Assert.True(r.Base >= PageMath.PageSize);
                    usable += r.Length;
                    highest = r.End;
                }
            }
            Assert.Equal(total, map.TotalBytes);
            Assert.Equal(usable, map.UsableBytes);
            Assert.Equal(highest, map.HighestUsableEnd);
        }

        [Fact]
        public void Qemu128MiB()
        {
            var map = Built((0, 0x9FC00, U), (0x9FC00, 0xA0000, R), (0xF0000, 0x100000, R),
                            (0x100000, 0x7FE0000, U), (0x7FE0000, 0x8000000, R), (0xFFFC0000, 0x100000000, R));
            // 0x9F000-0x9FC00 is not a whole page: it joins the reserved region after it.
            AssertRegions(map, (0, 0x1000, R), (0x1000, 0x9F000, U), (0x9F000, 0xA0000, R), (0xF0000, 0x100000, R),
                          (0x100000, 0x7FE0000, U), (0x7FE0000, 0x8000000, R), (0xFFFC0000, 0x100000000, R));
            Assert.Equal(0x9E000UL + 0x7EE0000, map.UsableBytes);
            Assert.Equal(0xA0000UL + 0x10000 + 0x7F00000 + 0x40000, map.TotalBytes);
            Assert.Equal(0x7FE0000UL, map.HighestUsableEnd);
            Assert.Equal(-1, map.FindRange(0xC0000));   // the VGA/ROM hole
            Assert.Equal(4, map.FindRange(0x5000000));
        }

        [Fact]
        public void Qemu5GiB_CountsRamAbove4GiB()
        {
            var map = Built((0, 0x9FC00, U), (0x9FC00, 0xA0000, R), (0xF0000, 0x100000, R), (0x100000, 0xBFFE0000, U),
                            (0xBFFE0000, 0xC0000000, R), (0xFEFFC000, 0xFF000000, R), (0xFFFC0000, 0x100000000, R),
                            (0x100000000, 0x180000000, U));
            Assert.Equal(0x9E000UL + (0xBFFE0000 - 0x100000) + 2 * GiB, map.UsableBytes);
            Assert.Equal(0x180000000UL, map.HighestUsableEnd);
            Assert.Equal(new MemoryRange(0x100000000, 2 * GiB, U), map[map.Count - 1]);
        }

        [Fact]
        public void OnlyRamAbove4GiB_AndHoles()
        {
            var map = Built((5 * GiB, 6 * GiB, U), (8 * GiB, 8 * GiB + 0x3000, U), (7 * GiB, 7 * GiB + 0x1000, R));
            AssertRegions(map, (5 * GiB, 6 * GiB, U), (7 * GiB, 7 * GiB + 0x1000, R), (8 * GiB, 8 * GiB + 0x3000, U));
            Assert.Equal(-1, map.FindRange(6 * GiB));
            Assert.Equal(GiB + 0x3000, map.UsableBytes);
            Assert.Equal(5 * GiB, map.TakeUsable(0x1000, 0));
        }

        [Fact]
        public void TinyAndUnalignedUsableRegions_AreClippedToPages()
        {
            var map = Built((0x500, 0x900, U), (0x10234, 0x15678, U), (0x20000, 0x20FFF, U), (0x30001, 0x31001, U));
            AssertRegions(map, (0x500, 0x900, R), (0x10234, 0x11000, R), (0x11000, 0x15000, U), (0x15000, 0x15678, R),
                          (0x20000, 0x20FFF, R), (0x30001, 0x31001, R));
            Assert.Equal(0x4000UL, map.UsableBytes);
        }

        [Fact]
        public void Overlaps_TheMoreRestrictiveKindWins()
        {
            var map = Built((0x100000, 0x1000000, U), (0x200000, 0x300000, R), (0x280000, 0x380000, Bad),
                            (0x400000, 0x500000, Acpi), (0x480000, 0x600000, Nvs), (0x700000, 0x800000, U),
                            (0x650000, 0x750000, U), (0x900000, 0x900000, R));
            AssertRegions(map, (0x100000, 0x200000, U), (0x200000, 0x280000, R), (0x280000, 0x380000, Bad),
                          (0x380000, 0x400000, U), (0x400000, 0x480000, Acpi), (0x480000, 0x600000, Nvs), (0x600000, 0x1000000, U));
        }

        [Fact]
        public void UnalignedOverlapsAndDuplicates_AreResolvedThenClipped()
        {
            var map = Built((0x100000, 0x200800, U), (0x100000, 0x200800, U), (0x1FF800, 0x201000, R), (0x150123, 0x150124, R));
            AssertRegions(map, (0x100000, 0x150000, U), (0x150000, 0x151000, R), (0x151000, 0x1FF000, U), (0x1FF000, 0x201000, R));
        }

        [Fact]
        public void Page0AlwaysReserved_AndUnknownKindsBecomeReserved()
        {
            AssertRegions(Built((0, 0x1000, U)), (0, 0x1000, R));
            AssertRegions(Built((0x1000, 0x2000, (MemoryKind)77)), (0x1000, 0x2000, R));
        }

        [Fact]
        public void EverythingReserved_HasNoUsableMemory()
        {
            var map = Built((0, 0xA0000, R), (0x100000, 0x8000000, R));
            Assert.Equal(0UL, map.UsableBytes);
            Assert.Equal(0UL, map.HighestUsableEnd);
            Assert.Equal(0UL, map.TakeUsable(1, 0));
            Assert.Equal(MemoryMapStatus.Ok, map.Reserve(0x200000, 0x1000));
            AssertRegions(map, (0, 0xA0000, R), (0x100000, 0x8000000, R));
        }

        [Fact]
        public void ExactlyOnePageOfUsableRam()
        {
            var map = Built((0, 0x200000, R), (0x200000, 0x201000, U), (0x201000, 0x300000, R));
            Assert.Equal(0x1000UL, map.UsableBytes);
            Assert.Equal(0x200000UL, map.TakeUsable(1, 0));
            Assert.Equal(0UL, map.UsableBytes);
            Assert.Equal(0UL, map.TakeUsable(1, 0));
            AssertRegions(map, (0, 0x200000, R), (0x200000, 0x201000, K), (0x201000, 0x300000, R));
        }

        [Fact]
        public void Reserve_SplitsWidensToPagesAndMerges()
        {
            var map = Built((0x100000, 0x800000, U), (0x800000, 0x900000, R), (0x900000, 0xA00000, U));
            Assert.Equal(MemoryMapStatus.Ok, map.Reserve(0x150123, 0x2000));   // kernel image, unaligned
            AssertRegions(map, (0x100000, 0x150000, U), (0x150000, 0x153000, K), (0x153000, 0x800000, U),
                          (0x800000, 0x900000, R), (0x900000, 0xA00000, U));
            Assert.Equal(MemoryMapStatus.Ok, map.Reserve(0x153000, 0x1000));   // adjacent: joins the Kernel region
            Assert.Equal(new MemoryRange(0x150000, 0x4000, K), map[1]);
            Assert.Equal(MemoryMapStatus.Ok, map.Reserve(0x7FF000, 0x102000));  // spans usable, reserved, usable
            AssertRegions(map, (0x100000, 0x150000, U), (0x150000, 0x154000, K), (0x154000, 0x7FF000, U),
                          (0x7FF000, 0x800000, K), (0x800000, 0x900000, R), (0x900000, 0x901000, K), (0x901000, 0xA00000, U));
            Assert.Equal(MemoryMapStatus.Ok, map.Reserve(0x300000, 0));
            Assert.Equal(MemoryMapStatus.InvalidRange, map.Reserve(ulong.MaxValue - 10, 20));
            CheckInvariants(map);
        }

        [Fact]
        public void ReserveNeedsBuild_AndAddUnbuilds()
        {
            var map = new MemoryMap();
            map.Add(0x100000, 0x100000, U);
            Assert.Equal(MemoryMapStatus.NotBuilt, map.Reserve(0x100000, 0x1000));
            Assert.Equal(0UL, map.TakeUsable(0x1000, 0));
            map.Build();
            Assert.Equal(MemoryMapStatus.Ok, map.Reserve(0x100000, 0x1000));
            map.Add(0x400000, 0x100000, U);
            Assert.False(map.IsBuilt);
            Assert.Equal(MemoryMapStatus.Ok, map.Build());   // rebuilding keeps the reservation
            AssertRegions(map, (0x100000, 0x101000, K), (0x101000, 0x200000, U), (0x400000, 0x500000, U));
            Assert.Equal(MemoryMapStatus.InvalidRange, map.Add(ulong.MaxValue - 5, 10, U));
            Assert.Equal(MemoryMapStatus.Ok, map.Add(0x5000, 0, U));   // empty: ignored
        }

        [Fact]
        public void FindUsable_GivesTakeUsablesAddress_WithoutReserving()
        {
            var map = Built((0, 0x9F000, U), (0x100000, 0x180000, U), (0x200000, 64 * MiB, U));
            int count = map.Count;
            ulong usable = map.UsableBytes;
            Assert.Equal(0x200000UL, map.FindUsable(0x81000, 0));              // does not fit in 0x100000-0x180000
            Assert.Equal(0x100000UL, map.FindUsable(0x1000, 0));
            Assert.Equal(0UL, map.FindUsable(0x1000, 0x3000));                 // not a power of two
            Assert.Equal(0UL, map.FindUsable(GiB, 0));
            Assert.Equal(count, map.Count);
            Assert.Equal(usable, map.UsableBytes);
            Assert.Equal(map.FindUsable(0x81000, 0), map.TakeUsable(0x81000, 0));
        }

        [Fact]
        public void TakeUsable_PrefersLowestAbove1MiBAndHonoursAlignment()
        {
            var map = Built((0, 0x9F000, U), (0x100000, 0x180000, U), (0x200000, 64 * MiB, U), (4 * GiB, 5 * GiB, U));
            Assert.Equal(0x100000UL, map.TakeUsable(0x10000, 0));
            Assert.Equal(0x110000UL, map.TakeUsable(1, 1));                   // rounded to one page
            Assert.Equal(0x200000UL, map.TakeUsable(0x80000, 0));              // does not fit in 0x111000-0x180000
            Assert.Equal(0x400000UL, map.TakeUsable(0x1000, 2 * MiB));
            Assert.Equal(0UL, map.TakeUsable(0x1000, 0x3000));                 // not a power of two
            Assert.Equal(4 * GiB, map.TakeUsable(GiB, 0));                     // only the high region fits
            Assert.Equal(0UL, map.TakeUsable(2 * GiB, 0));
            Assert.Equal(MemoryKind.Kernel, map[map.FindRange(0x400000)].Kind);
            CheckInvariants(map);
        }

        [Fact]
        public void TakeUsable_FallsBackBelow1MiB()
        {
            var map = Built((0, 0x9F000, U), (0x100000, 0x101000, U));
            Assert.Equal(0x100000UL, map.TakeUsable(0x1000, 0));
            Assert.Equal(0x1000UL, map.TakeUsable(0x2000, 0));
            Assert.Equal(0x3000UL, map.TakeUsable(0x1000, 0));
        }

        [Fact]
        public void ManySmallShuffledRegions_AreSortedAndCounted()
        {
            var raw = new (ulong, ulong, MemoryKind)[200];
            for (int i = 0; i < raw.Length; i++)
                raw[i] = (MiB + (ulong)i * 0x2000, MiB + (ulong)i * 0x2000 + 0x1000, U);   // one page, one-page gap
            new Random(5).Shuffle(raw);
            var map = Built(raw);
            Assert.Equal(200, map.Count);
            Assert.Equal(200UL * 0x1000, map.UsableBytes);
            Assert.Equal(MiB + 199UL * 0x2000 + 0x1000, map.HighestUsableEnd);
        }

        [Fact]
        public void CapacityOverflow_IsReportedAndLosesNothing()
        {
            var map = new MemoryMap(4);
            for (int i = 0; i < 4; i++)
                Assert.Equal(MemoryMapStatus.Ok, map.Add(MiB * (ulong)(i + 1), 0x1000, U));
            Assert.Equal(MemoryMapStatus.Full, map.Add(10 * MiB, 0x1000, U));

            // One usable region with two reserved ones inside needs 5 regions after Build.
            var nested = new MemoryMap(4);
            nested.Add(MiB, 16 * MiB, U);
            nested.Add(2 * MiB, 0x1000, R);
            nested.Add(4 * MiB, 0x1000, R);
            Assert.Equal(MemoryMapStatus.Full, nested.Build());
            Assert.False(nested.IsBuilt);
            Assert.Equal(3, nested.Count);

            // Reservations that would split past capacity fail and leave the map as it was.
            var full = Built(4, (MiB, 16 * MiB, U));
            Assert.Equal(MemoryMapStatus.Ok, full.Reserve(2 * MiB, 0x1000));
            Assert.Equal(MemoryMapStatus.Full, full.Reserve(4 * MiB, 0x1000));
            Assert.Equal(0UL, full.TakeUsable(0x1000, 4 * MiB));
            AssertRegions(full, (MiB, 2 * MiB, U), (2 * MiB, 2 * MiB + 0x1000, K), (2 * MiB + 0x1000, 16 * MiB, U));
        }

        [Fact]
        public void RandomPageAlignedMaps_MatchAPageByPageOracle()
        {
            var random = new Random(2024);
            MemoryKind[] kinds = { U, U, U, R, Acpi, Nvs, Bad, (MemoryKind)9 };
            for (int round = 0; round < 300; round++)
            {
                var map = new MemoryMap();
                var raw = new (ulong Start, ulong End, MemoryKind Kind)[1 + random.Next(12)];
                for (int i = 0; i < raw.Length; i++)
                {
                    ulong start = (ulong)random.Next(64) * 0x1000;
                    raw[i] = (start, start + (ulong)random.Next(1, 24) * 0x1000, kinds[random.Next(kinds.Length)]);
                    map.Add(raw[i].Start, raw[i].End - raw[i].Start, raw[i].Kind);
                }
                Assert.Equal(MemoryMapStatus.Ok, map.Build());
                CheckInvariants(map);
                for (ulong page = 0; page < 90; page++)
                {
                    int best = 0;
                    MemoryKind expected = U;
                    foreach (var r in raw)
                    {
                        MemoryKind kind = MemoryKindPriority.Normalize(r.Kind);
                        if (r.Start <= page * 0x1000 && page * 0x1000 < r.End && MemoryKindPriority.Rank(kind) > best)
                            (best, expected) = (MemoryKindPriority.Rank(kind), kind);
                    }
                    if (page == 0 && expected == U)
                        expected = R;
                    int index = map.FindRange(page * 0x1000);
                    Assert.Equal(best == 0 ? "hole" : expected.ToString(), index < 0 ? "hole" : map[index].Kind.ToString());
                }
            }
        }
    }
}
