using System;
using System.Collections.Generic;
using MyOS.Core.Memory.Map;
using MyOS.Core.Memory.Physical;
using Xunit;

namespace MyOS.Tests.Memory
{
    /// <summary>
    /// Long seeded random sequences of allocations (by random owners) and frees, every step
    /// checked against PageAllocatorReferenceModel: same address (lowest fit), same counters,
    /// same page states, same TryFree answers (for arbitrary ranges, and for near misses of
    /// live runs: wrong owner, base inside, one page short or long); every 97 steps the same
    /// runs (start, length, owner) and pages by owner; and freeing everything restores the
    /// initial state. Both implementations run the same sequences.
    /// </summary>
    public class PageAllocatorPropertyTests
    {
        private const int Operations = 4000;

        public static IEnumerable<object[]> Cases()
        {
            foreach (PageAllocatorKind kind in Enum.GetValues<PageAllocatorKind>())
            {
                foreach (int seed in new[] { 1, 2, 3, 17, 12345 })
                {
                    yield return new object[] { kind, "qemu128m", seed };
                    yield return new object[] { kind, "random", seed };
                }
                yield return new object[] { kind, "flat256m", 99 };
            }
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void RandomSequenceMatchesModel(PageAllocatorKind kind, string layout, int seed)
        {
            MemoryRange[] regions = layout switch
            {
                "qemu128m" => PageAllocatorTestMaps.Qemu128M(),
                "flat256m" => PageAllocatorTestMaps.Flat(256 * PageAllocatorTestMaps.MiB),
                _ => PageAllocatorTestMaps.RandomLayout(seed),
            };
            using var harness = PageAllocatorHarness.Create(kind, regions);
            var allocator = harness.Allocator;
            var model = new PageAllocatorReferenceModel(regions);
            var rng = new Random(seed);

            Assert.Equal(model.TotalPages, allocator.TotalPages);
            Assert.Equal(model.UsableCount, allocator.UsablePages);
            bool[] initialFree = (bool[])model.Free.Clone();
            ulong initialLongest = model.LongestFreeRun();
            Assert.Equal(initialLongest, allocator.LargestFreeRun());

            var live = new List<(ulong First, ulong Count, PageOwner Owner)>();
            var answers = new HashSet<PageFreeResult>();
            for (int op = 0; op < Operations; op++)
            {
                int choice = rng.Next(100);
                if (choice < 48)
                {
                    ulong n = PickSize(rng, model);
                    PageOwner owner = PickOwner(rng);
                    ulong expected = model.LowestFit(n);
                    ulong got = owner == PageOwner.Kernel && rng.Next(2) == 0 ? allocator.Allocate(n) : allocator.Allocate(n, owner);
                    Assert.Equal(expected * 4096, got);
                    if (got != 0)
                    {
                        model.Take(expected, n, owner);
                        live.Add((expected, n, owner));
                    }
                }
                else if (choice < 80)
                {
                    FreePartOfLiveRun(rng, allocator, model, live);
                }
                else if (choice < 86)
                {
                    // A checked free of an arbitrary range: same answer as the model; on an
                    // error nothing may change (the counter and state checks below catch it).
                    ulong address = RandomAddress(rng, model);
                    ulong pages = RandomPages(rng);
                    answers.Add(CheckedFree(allocator, model, address, pages, PickOwner(rng)));
                    live = model.Runs();
                }
                else if (choice < 93)
                {
                    // A near miss of a live run, or the run itself: each of the run checks.
                    if (live.Count > 0)
                    {
                        var (first, count, owner) = live[rng.Next(live.Count)];
                        ulong address = first * 4096;
                        ulong pages = count;
                        switch (rng.Next(5))
                        {
                            case 0: owner = PickOwner(rng); break;
                            case 1: pages = count - 1; break;
                            case 2: pages = count + 1 + (ulong)rng.Next(3); break;
                            case 3: address += 4096 * (ulong)rng.NextInt64(0, (long)count); break;
                            default: break;
                        }
                        answers.Add(CheckedFree(allocator, model, address, pages, owner));
                        live = model.Runs();
                    }
                }
                else if (choice < 97)
                {
                    // pmfree semantics: any range, free or used, reserved or beyond the end.
                    ulong address = RandomAddress(rng, model);
                    ulong pages = RandomPages(rng);
                    allocator.Free(address, pages);
                    model.FreeRange(address, pages);
                    live = model.Runs();
                }
                else
                {
                    CheckTryAllocate(rng, allocator, model, live);
                }

                Assert.Equal(model.FreeCount, allocator.FreePages);
                Assert.Equal(model.UsableCount - model.FreeCount, allocator.UsedPages);
                if (op % 97 == 0)
                {
                    AssertSameState(allocator, model);
                    AssertSameRuns(allocator, model);
                }
            }

            AssertSameState(allocator, model);
            AssertSameRuns(allocator, model);
            // The sequence met every answer of the run checks, so each was compared with the model.
            foreach (PageFreeResult result in new[] { PageFreeResult.Ok, PageFreeResult.NotOwner, PageFreeResult.InsideRun,
                PageFreeResult.PartialRun, PageFreeResult.CrossesRun, PageFreeResult.PastRunEnd, PageFreeResult.AlreadyFree })
            {
                Assert.Contains(result, answers);
            }
            foreach (var (first, count, _) in live)
            {
                allocator.Free(first * 4096, count);
                model.FreeRange(first * 4096, count);
            }
            AssertSameState(allocator, model);
            Assert.Equal(initialFree, model.Free);
            Assert.Equal(allocator.UsablePages, allocator.FreePages);
            Assert.Equal(initialLongest, allocator.LargestFreeRun());
            Assert.True(harness.GuardIntact());
        }

        /// <summary>Mostly single pages, some small and group-sized runs, a few impossible ones.</summary>
        private static ulong PickSize(Random rng, PageAllocatorReferenceModel model)
        {
            int r = rng.Next(100);
            if (r < 55) return 1;
            if (r < 78) return (ulong)rng.Next(2, 17);
            if (r < 88) return (ulong)rng.Next(17, 130);
            if (r < 95) return (ulong)rng.Next(130, 1200);
            if (r < 98) return (ulong)rng.Next(1200, 5000);
            return model.FreeCount + 1 + (ulong)rng.Next(0, 3);
        }

        /// <summary>Mostly the kernel, the heap and the shell; every owner now and then.</summary>
        private static PageOwner PickOwner(Random rng)
        {
            int r = rng.Next(10);
            if (r < 3) return PageOwner.Kernel;
            if (r < 5) return PageOwner.Heap;
            if (r < 7) return PageOwner.Shell;
            return (PageOwner)rng.Next(1, 7);
        }

        /// <summary>TryFree must give the model's answer; on Ok the model frees the range too.</summary>
        private static PageFreeResult CheckedFree(PhysicalPageAllocator allocator, PageAllocatorReferenceModel model,
            ulong address, ulong pages, PageOwner owner)
        {
            PageFreeResult expected = model.ExpectedTryFree(address, pages, owner);
            Assert.Equal(expected, allocator.TryFree(address, pages, owner));
            if (expected == PageFreeResult.Ok)
            {
                model.FreeRange(address, pages);
            }
            return expected;
        }

        /// <summary>A live run freed whole (checked or not) or in part (pmfree): the rest stays in use as runs of the same owner.</summary>
        private static void FreePartOfLiveRun(Random rng, PhysicalPageAllocator allocator,
            PageAllocatorReferenceModel model, List<(ulong First, ulong Count, PageOwner Owner)> live)
        {
            if (live.Count == 0)
            {
                return;
            }
            int index = rng.Next(live.Count);
            var (first, count, owner) = live[index];
            live.RemoveAt(index);
            ulong offset = 0;
            ulong length = count;
            if (count > 1 && rng.Next(3) == 0)
            {
                offset = (ulong)rng.NextInt64(0, (long)count);
                length = (ulong)rng.NextInt64(1, (long)(count - offset) + 1);
            }
            ulong address = (first + offset) * 4096;
            if (length == count && rng.Next(2) == 0)
            {
                Assert.Equal(PageFreeResult.Ok, allocator.TryFree(address, length, owner));
            }
            else
            {
                allocator.Free(address, length);
            }
            model.FreeRange(address, length);
            if (offset > 0)
            {
                live.Add((first, offset, owner));
            }
            if (offset + length < count)
            {
                live.Add((first + offset + length, count - offset - length, owner));
            }
        }

        private static void CheckTryAllocate(Random rng, PhysicalPageAllocator allocator,
            PageAllocatorReferenceModel model, List<(ulong First, ulong Count, PageOwner Owner)> live)
        {
            ulong n = rng.Next(4) switch
            {
                0 => 0,
                1 => model.UsableCount + 1,
                2 => ulong.MaxValue,
                _ => (ulong)rng.Next(1, 3000),
            };
            PageAllocateResult expected =
                n == 0 ? PageAllocateResult.ZeroPages :
                n > model.UsableCount ? PageAllocateResult.TooLarge :
                model.LowestFit(n) == 0 ? PageAllocateResult.OutOfMemory : PageAllocateResult.Ok;
            ulong first = model.LowestFit(n);
            PageOwner owner = PickOwner(rng);
            Assert.Equal(expected, allocator.TryAllocate(n, owner, out ulong address));
            if (expected == PageAllocateResult.Ok)
            {
                Assert.Equal(first * 4096, address);
                model.Take(first, n, owner);
                live.Add((first, n, owner));
            }
            else
            {
                Assert.Equal(0UL, address);
            }
        }

        /// <summary>Mostly inside the map, sometimes past it, unaligned, or near the top of the address space.</summary>
        private static ulong RandomAddress(Random rng, PageAllocatorReferenceModel model)
        {
            int r = rng.Next(20);
            if (r == 0) return ulong.MaxValue - (ulong)rng.Next(0, 3) * 4096 - 4095;
            ulong page = (ulong)rng.NextInt64(0, (long)model.TotalPages + 40);
            ulong address = page * 4096;
            return r == 1 ? address + (ulong)rng.Next(1, 4096) : address;
        }

        private static ulong RandomPages(Random rng)
        {
            int r = rng.Next(20);
            if (r == 0) return 0;
            if (r == 1) return ulong.MaxValue - (ulong)rng.Next(0, 2);
            if (r < 12) return (ulong)rng.Next(1, 8);
            return (ulong)rng.Next(8, 1500);
        }

        /// <summary>The allocator's runs (NextRun walk), pages by owner, and TryGetRun of a few used pages match the model.</summary>
        internal static void AssertSameRuns(PhysicalPageAllocator allocator, PageAllocatorReferenceModel model)
        {
            var expected = model.Runs();
            var got = new List<(ulong First, ulong Count, PageOwner Owner)>();
            for (bool found = allocator.NextRun(0, out PageRun run); found; found = allocator.NextRun(run.Address + run.Pages * 4096, out run))
            {
                got.Add((run.Address / 4096, run.Pages, run.Owner));
                Assert.True(got.Count <= expected.Count + 1, "the allocator walks more runs than the model has");
            }
            Assert.Equal(expected, got);
            var counts = new ulong[PhysicalPageAllocator.OwnerCount];
            var lowest = new ulong[PhysicalPageAllocator.OwnerCount];
            allocator.CountPagesByOwner(counts, lowest);
            Assert.Equal(model.PagesByOwner(), counts);
            foreach (var (first, count, owner) in expected)
            {
                if (lowest[(int)owner] == first * 4096)
                {
                    Assert.True(allocator.TryGetRun((first + count - 1) * 4096, out PageRun last));
                    Assert.Equal((first * 4096, count, owner), (last.Address, last.Pages, last.Owner));
                }
            }
        }

        private static void AssertSameState(PhysicalPageAllocator allocator, PageAllocatorReferenceModel model)
        {
            for (ulong p = 0; p < model.TotalPages + 3; p++)
            {
                if (allocator.QueryPage(p * 4096) != model.State(p))
                {
                    Assert.Fail($"page {p:X}: allocator says {allocator.QueryPage(p * 4096)}, model {model.State(p)}");
                }
            }
            Assert.Equal(model.LongestFreeRun(), allocator.LargestFreeRun());
            Assert.Equal(model.FreeCount, allocator.FreePages);
        }
    }
}
