using System;
using System.Collections.Generic;
using MyOS.Core.Memory.Map;
using MyOS.Core.Memory.Physical;
using Xunit;
using static MyOS.Tests.Memory.PageAllocatorTestMaps;

namespace MyOS.Tests.Memory
{
    /// <summary>
    /// The run hints of PageAllocator (see RunHints): searches for n &gt;= 2 pages start at a
    /// hint per length class, and placement must stay exactly lowest-address-first. Focused
    /// cases free pages below a hint and expect the lower run back; a random test mixes
    /// multi-page allocations of many lengths with frees everywhere on fragmented maps, and
    /// checks every address against PageAllocatorReferenceModel and the hints' invariant
    /// (no run of L free pages starts below the hint of class L) against the model.
    /// </summary>
    public class PageAllocatorRunHintTests
    {
        private const ulong Page = 4096;

        private static (PageAllocatorHarness, PageAllocator) Fresh(ulong size)
        {
            var h = PageAllocatorHarness.Create(PageAllocatorKind.Bitmap, Flat(size));
            return (h, (PageAllocator)h.Allocator);
        }

        [Fact]
        public void FreeingBelowTheHintFindsTheLowerRunAgain()
        {
            var (h, a) = Fresh(8 * MiB);
            using var _ = h;
            for (ulong i = 0; i < 20; i++)
            {
                Assert.Equal((1 + 8 * i) * Page, a.Allocate(8)); // pages 1, 9, 17, ...
            }
            Assert.True(a.RunHint(8) >= 161);
            a.Free(17 * Page, 8);
            Assert.Equal(17 * Page, a.Allocate(8));
            // Two halves freed apart: the 16-page run only exists once both are free.
            a.Free(41 * Page, 8);
            Assert.Equal(161 * Page, a.Allocate(16));
            a.Free(49 * Page, 8);
            Assert.Equal(41 * Page, a.Allocate(16));
            // A run that becomes long enough by freeing the page just above a free run.
            a.Free(97 * Page, 7);
            Assert.Equal(177 * Page, a.Allocate(8));
            a.Free(104 * Page, 1);
            Assert.Equal(97 * Page, a.Allocate(8));
            Assert.True(h.GuardIntact());
        }

        [Fact]
        public void FreeingJustBelowTheHintExtendsARunDownwards()
        {
            var (h, a) = Fresh(8 * MiB);
            using var _ = h;
            Assert.Equal(Page, a.Allocate(a.UsablePages));
            a.Free(1000 * Page, 3);                    // 1000..1002: too short for 4
            a.Free(1500 * Page, 3);                    // 6 free pages, but no 4 in a row
            Assert.Equal(0UL, a.Allocate(4));          // the search fails: class 4's hint goes to the end
            Assert.Equal(a.TotalPages, a.RunHint(4));
            a.Free(999 * Page, 1);                     // 999..1002 now holds 4
            Assert.Equal(999 * Page, a.Allocate(4));
            a.Free(300 * Page, 2);
            a.Free(302 * Page, 2);                     // two frees that join into 4 at 300
            Assert.Equal(300 * Page, a.Allocate(4));
        }

        [Fact]
        public void SearchStartingInsideAGroupStillSeesItsFreeTail()
        {
            var (h, a) = Fresh(8 * MiB);
            using var _ = h;
            Assert.Equal(Page, a.Allocate(a.UsablePages));
            a.Free(700 * Page, 5);                     // inside group 1
            Assert.Equal(700 * Page, a.Allocate(5));   // hint for 4 now 705
            a.Free(1020 * Page, 4);                    // group 1's last 4 pages ...
            a.Free(1024 * Page, 6);                    // ... joined with group 2's first 6
            Assert.Equal(1020 * Page, a.Allocate(10));
            a.Free(1020 * Page, 10);
            Assert.Equal(1020 * Page, a.Allocate(8));  // class 8 starts at or below 1020 - 7
        }

        [Fact]
        public void ResettingTheHintsChangesNoAddress()
        {
            var (h, a) = Fresh(16 * MiB);
            using var _ = h;
            var (h2, b) = Fresh(16 * MiB);
            using var __ = h2;
            var rng = new Random(7);
            for (int op = 0; op < 3000; op++)
            {
                ulong n = (ulong)rng.Next(1, 70);
                if (rng.Next(3) == 0)
                {
                    ulong p = (ulong)rng.Next(1, 4096);
                    a.Free(p * Page, n);
                    b.Free(p * Page, n);
                    continue;
                }
                b.ResetRunHints();
                Assert.Equal(b.Allocate(n), a.Allocate(n));
            }
        }

        public static IEnumerable<object[]> Cases()
        {
            foreach (int seed in new[] { 1, 2, 3, 4, 5, 6, 7, 8 })
            {
                yield return new object[] { "flat", seed };
                yield return new object[] { "random", seed };
            }
        }

        /// <summary>
        /// Mostly multi-page requests (powers of two and the lengths around them, up to beyond
        /// a group) on a map that starts fragmented, with frees of whole and partial live runs
        /// and pmfree of arbitrary ranges: every address must be the model's lowest fit, and
        /// no run of L free pages may start below the hint of class L.
        /// </summary>
        [Theory]
        [MemberData(nameof(Cases))]
        public void MultiPageSequenceMatchesModel(string layout, int seed)
        {
            MemoryRange[] regions = layout == "flat" ? Flat(6 * MiB) : RandomLayout(seed);
            using var harness = PageAllocatorHarness.Create(PageAllocatorKind.Bitmap, regions);
            var a = (PageAllocator)harness.Allocator;
            var model = new PageAllocatorReferenceModel(regions);
            var rng = new Random(seed);

            // Start fragmented: everything taken, then a random share of pages freed one by one.
            ulong all = a.Allocate(a.UsablePages);
            if (all != 0)
            {
                model.Take(all / Page, a.UsablePages);
            }
            int share = rng.Next(30, 80);
            for (ulong p = 1; p < model.TotalPages; p++)
            {
                if (rng.Next(100) < share)
                {
                    a.Free(p * Page, 1);
                    model.FreeRange(p * Page, 1);
                }
            }
            var live = model.UsedRuns();
            CheckHints(a, model);

            for (int op = 0; op < 2500; op++)
            {
                int choice = rng.Next(100);
                if (choice < 50)
                {
                    ulong n = PickRunLength(rng);
                    ulong expected = model.LowestFit(n);
                    Assert.Equal(expected * Page, a.Allocate(n));
                    if (expected != 0)
                    {
                        model.Take(expected, n);
                        live.Add((expected, n));
                    }
                }
                else if (choice < 85 && live.Count > 0)
                {
                    // Free (part of) a live run, lower runs more often: frees below the hints.
                    int index = rng.Next(2) == 0 ? rng.Next(live.Count) : rng.Next(Math.Min(live.Count, 4));
                    live.Sort((x, y) => x.First.CompareTo(y.First));
                    var (first, count) = live[index];
                    live.RemoveAt(index);
                    ulong offset = count > 1 && rng.Next(2) == 0 ? (ulong)rng.NextInt64(0, (long)count) : 0;
                    ulong length = offset > 0 || rng.Next(2) == 0 ? (ulong)rng.NextInt64(1, (long)(count - offset) + 1) : count;
                    a.Free((first + offset) * Page, length);
                    model.FreeRange((first + offset) * Page, length);
                    if (offset > 0)
                    {
                        live.Add((first, offset));
                    }
                    if (offset + length < count)
                    {
                        live.Add((first + offset + length, count - offset - length));
                    }
                }
                else if (choice < 92)
                {
                    // pmfree of any range, free or used, reserved or past the end.
                    ulong p = (ulong)rng.NextInt64(0, (long)model.TotalPages + 8);
                    ulong n = (ulong)rng.Next(1, 40);
                    a.Free(p * Page, n);
                    model.FreeRange(p * Page, n);
                    live = model.UsedRuns();
                }
                else if (choice < 97)
                {
                    ulong expected = model.LowestFit(1);
                    Assert.Equal(expected * Page, a.Allocate(1));
                    if (expected != 0)
                    {
                        model.Take(expected, 1);
                        live.Add((expected, 1));
                    }
                }
                else
                {
                    a.ResetRunHints();
                }
                Assert.Equal(model.FreeCount, a.FreePages);
                if (op % 10 == 0)
                {
                    CheckHints(a, model);
                }
            }
            CheckHints(a, model);
            Assert.Equal(model.LongestFreeRun(), a.LargestFreeRun());
            Assert.True(harness.GuardIntact());
        }

        /// <summary>Powers of two and their neighbours up to 1,100 pages, small ones most often.</summary>
        private static ulong PickRunLength(Random rng)
        {
            int r = rng.Next(100);
            if (r < 40) return (ulong)rng.Next(2, 17);
            if (r < 70)
            {
                long length = (1L << rng.Next(1, 10)) + rng.Next(-1, 2); // 2^k - 1, 2^k or 2^k + 1
                return (ulong)Math.Max(2, length);
            }
            if (r < 95) return (ulong)rng.Next(17, 600);
            return (ulong)rng.Next(600, 1100);
        }

        /// <summary>The invariant, checked against the model: no L free pages in a row start below class L's hint.</summary>
        private static void CheckHints(PageAllocator a, PageAllocatorReferenceModel model)
        {
            for (ulong length = 2; length <= 512; length *= 2)
            {
                ulong lowest = model.LowestFit(length);
                ulong hint = a.RunHint(length);
                if (lowest != 0 && lowest < hint)
                {
                    Assert.Fail($"a run of {length} free pages starts at {lowest}, below the hint {hint}");
                }
            }
        }
    }
}
