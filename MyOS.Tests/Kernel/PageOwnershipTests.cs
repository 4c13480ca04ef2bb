using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MyOS.Tests.VirtualMachines;
using Xunit;
using Xunit.Abstractions;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// Issue 15 as a user sees it in QEMU: `pmfree` refuses, with one `error:` line naming why,
    /// the page-table root (the address CR3 holds, from meminfo), a heap region page, the
    /// allocator's metadata, the kernel image, a page inside a run, a range across two runs and
    /// one past a run's end; the page state is unchanged after each refusal, and `memtest` and
    /// `heap check` pass afterwards; a `pmalloc 8` run frees whole. Also meminfo's pages by
    /// owner and memmap's owner marks and RAM total.
    /// </summary>
    [Collection(VirtualMachineCollection.Name)]
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    [Trait(TestTraits.KernelFeature, TestTraits.Shell)]
    public sealed class PageOwnershipTests
    {
        private const ulong Page = 4096;
        private static readonly TimeSpan s_commandLimit = TimeSpan.FromSeconds(15);

        private readonly Action<string> _log;

        public PageOwnershipTests(ITestOutputHelper output) => _log = output.WriteLine;

        [Fact]
        public void CheckedPmfree_RefusesWhatTheShellDoesNotOwn_AndEveryBoundaryMismatch()
        {
            using VirtualMachine vm = TestMachines.StartAtPrompt(_log, deadline: TimeSpan.FromSeconds(180));
            MemInfoReport info = MemInfoReport.Parse(vm.Serial.RunCommand("meminfo", s_commandLimit));
            ulong root = info.PageTableRoot ?? throw new Xunit.Sdk.XunitException("meminfo printed no page table root (CR3)");
            ulong heap = info.LowestRunByOwner["heap"];
            ulong metadata = info.LowestRunByOwner["allocator metadata"];
            Assert.Equal(root, info.LowestRunByOwner["page tables"]); // the root is the first table the kernel built
            Assert.Equal(info.UsedPages, info.PagesByOwner.Values.Aggregate(0UL, (sum, pages) => sum + pages));
            Assert.Equal(0UL, info.PagesByOwner["shell (pmalloc)"]);

            ulong eight = Allocate(vm, 8);
            ulong four = Allocate(vm, 4);
            Assert.True(four == eight + 8 * Page, $"pmalloc 4 came at {Hex(four)}, not right after the 8 pages at {Hex(eight)}: the crossing case needs them adjacent");
            string before = PageTotals(vm);

            var refusals = new (string Line, string Why)[]
            {
                ($"pmfree {Hex(root)} 1", "belongs to the kernel page tables, not to pmalloc"),
                ($"pmfree {Hex(heap)} 1", "belongs to the kernel heap"),
                ($"pmfree {Hex(heap + Page)} 1", "belongs to the kernel heap"),
                ($"pmfree {Hex(metadata)} 1", "belongs to the page allocator's metadata"),
                ("pmfree 0x100000 1", "is reserved: kernel image"),
                ($"pmfree {Hex(eight + 2 * Page)} 2", $"is inside the run at {Hex(eight)} (8 pages)"),
                ($"pmfree {Hex(eight)} 2", "has 8 pages, not 2"),
                ($"pmfree {Hex(eight)} 9", $"would cross into the run at {Hex(four)} of the shell"),
                ($"pmfree {Hex(four)} 5", $"would run past its end into {Hex(four + 4 * Page)} (free)"),
                ($"pmfree {Hex(four + 4 * Page)} 1", "already free"),
            };
            var problems = new List<string>();
            foreach (var (line, why) in refusals)
            {
                List<string> printed = vm.Serial.RunCommand(line, s_commandLimit).Where(l => l.Trim().Length > 0).ToList();
                if (printed.Count != 1 || !printed[0].StartsWith("error:", StringComparison.Ordinal) || !printed[0].Contains(why))
                    problems.Add($"'{line}' printed:\n  {string.Join("\n  ", printed)}\n  (expected one error line saying \"{why}\")");
            }
            Assert.True(problems.Count == 0, "pmfree did not refuse as it should:\n" + string.Join("\n", problems));
            Assert.Equal(before, PageTotals(vm));

            Assert.Contains(" 0 bad words", string.Join("\n", vm.Serial.RunCommand("memtest 1", TimeSpan.FromSeconds(60))));
            Assert.Contains("heap check: ok", string.Join("\n", vm.Serial.RunCommand("heap check", s_commandLimit)));
            Assert.StartsWith("freed 8 pages", vm.Serial.RunCommand($"pmfree {Hex(eight)} 8", s_commandLimit).Single(l => l.Trim().Length > 0));
            Assert.StartsWith("freed 4 pages", vm.Serial.RunCommand($"pmfree {Hex(four)} 4", s_commandLimit).Single(l => l.Trim().Length > 0));
            MemInfoReport after = MemInfoReport.Parse(vm.Serial.RunCommand("meminfo", s_commandLimit));
            Assert.Equal(0UL, after.PagesByOwner["shell (pmalloc)"]);
            Assert.Equal(info.PagesByOwner["page tables"], after.PagesByOwner["page tables"]);
            Assert.Contains("heap check: ok", string.Join("\n", vm.Serial.RunCommand("heap check", s_commandLimit)));
        }

        [Fact]
        public void Memmap_MarksOwnedRuns_AndCountsOnlyRamAsRam()
        {
            using VirtualMachine vm = TestMachines.StartAtPrompt(_log);
            // A cell shows the owner with the most pages in it: the allocator's few metadata pages
            // have a cell to themselves until the shell's 8 MiB come right after them.
            MemoryMapListing boot = MemoryMapListing.Parse(vm.Serial.RunCommand("memmap", s_commandLimit));
            Assert.Equal(64, boot.Bar.Length);
            foreach (char mark in new[] { 'H', 'M', '#', '.' })
                Assert.True(boot.Bar.Contains(mark), $"memmap's bar has no '{mark}' after boot: [{boot.Bar}]");
            Assert.DoesNotContain('S', boot.Bar);

            Allocate(vm, 2048); // 8 MiB for the shell: at least three whole cells of a 128 MiB bar
            MemoryMapListing map = MemoryMapListing.Parse(vm.Serial.RunCommand("memmap", s_commandLimit));
            Assert.True(map.Bar.Count(cell => cell == 'S') >= 3, $"memmap's bar does not show the shell's 8 MiB: [{map.Bar}]");
            // The BIOS ROM below 4 GiB (and, with some CPU models, a 12 GiB area near 1 TiB) is
            // reserved: not RAM, counted apart, so RAM stays what the VM was given.
            Assert.InRange(map.RamBytes, 120UL << 20, 128UL << 20);
            Assert.True(map.ReservedBytes >= 256UL << 10, $"reserved apart: {map.ReservedBytes} bytes");
        }

        /// <summary>pmalloc's physical address.</summary>
        private static ulong Allocate(VirtualMachine vm, int pages)
        {
            string line = vm.Serial.RunCommand($"pmalloc {pages}", s_commandLimit).Single(l => l.StartsWith("0x", StringComparison.Ordinal));
            return ulong.Parse(line.Split(' ')[0].Substring(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        /// <summary>The page allocator's lines of meminfo, owners included (the heap's lines change as the shell keeps its history).</summary>
        private static string PageTotals(VirtualMachine vm) =>
            string.Join("\n", vm.Serial.RunCommand("meminfo", s_commandLimit)
                .Where(l => l.StartsWith("pages") || l.StartsWith("largest free run") || l.StartsWith("  ")));

        private static string Hex(ulong value) => "0x" + value.ToString("X", CultureInfo.InvariantCulture);
    }
}
