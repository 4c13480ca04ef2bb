using System.Collections.Generic;
using System.Linq;
using MyOS.Tests.VirtualMachines;
using Xunit;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// The memory check against reports recorded from real boots (QEMU 5 GiB, QEMU 3.5 GiB,
    /// Bochs 128 MiB): they pass, and the same reports with a region dropped or a total changed fail.
    /// </summary>
    public sealed class MemoryReportCheckTests
    {
        private const string Qemu5GiBBanner =
            "Memory: 5119 MiB usable RAM reported by GRUB (mem_lower 639 KiB, mem_upper 3144576 KiB)";

        private static readonly string[] s_qemu5GiBMap =
        {
            "0x0000000000000000 - 0x0000000000000FFF  reserved  4096 B",
            "0x0000000000001000 - 0x000000000009EFFF  usable  632 KiB",
            "0x000000000009F000 - 0x000000000009FFFF  reserved  4096 B",
            "0x00000000000F0000 - 0x00000000000FFFFF  reserved  64 KiB",
            "0x0000000000100000 - 0x0000000000963FFF  kernel  8592 KiB",
            "0x0000000000964000 - 0x0000000000975FFF  usable  72 KiB",
            "0x0000000000976000 - 0x00000000009DEFFF  kernel  420 KiB",
            "0x00000000009DF000 - 0x00000000BFFDFFFF  usable  3062 MiB",
            "0x00000000BFFE0000 - 0x00000000BFFFFFFF  reserved  128 KiB",
            "0x00000000FFFC0000 - 0x00000000FFFFFFFF  reserved  256 KiB",
            "0x0000000100000000 - 0x000000017FFFFFFF  usable  2048 MiB",
            "0x000000FD00000000 - 0x000000FFFFFFFFFF  reserved  12288 MiB",
            "[#####...........................................................]",
            "0 .. 0x180000000, one cell = 96 MiB: '.' free, '#' in use, 'x' reserved",
            "usable: 5358948352 bytes (5110 MiB) of 5368176640 bytes RAM (5119 MiB)",
            "reserved, not RAM: 12885368832 bytes (12288 MiB)",
        };

        private static readonly string[] s_qemu5GiBMemInfo =
        {
            "pages total:       1572864 pages (6144 MiB)",
            "pages usable:      1308337 pages (5110 MiB)",
            "pages free:        1308309 pages (5110 MiB)",
            "pages used:        28 pages (112 KiB)",
            "largest free run:  783873 pages (3062 MiB)",
            "heap size:         65536 bytes",
        };

        private static readonly string[] s_bochsMap =
        {
            "0x0000000000000000 - 0x0000000000000FFF  reserved  4096 B",
            "0x0000000000001000 - 0x000000000009EFFF  usable  632 KiB",
            "0x000000000009F000 - 0x000000000009FFFF  reserved  4096 B",
            "0x00000000000E8000 - 0x00000000000FFFFF  reserved  96 KiB",
            "0x0000000000100000 - 0x0000000000966FFF  kernel  8604 KiB",
            "0x0000000000967000 - 0x0000000000975FFF  usable  60 KiB",
            "0x0000000000976000 - 0x0000000000976FFF  kernel  4096 B",
            "0x0000000000977000 - 0x0000000007FEFFFF  usable  118 MiB",
            "0x0000000007FF0000 - 0x0000000007FFFFFF  acpi-reclaimable  64 KiB",
            "0x00000000FFFC0000 - 0x00000000FFFFFFFF  reserved  256 KiB",
            "usable: 124936192 bytes (119 MiB) of 133816320 bytes RAM (127 MiB)",
            "reserved, not RAM: 368640 bytes (360 KiB)",
        };

        [Fact]
        public void QemuLayout_SplitsAroundThePciHole_FromThreeAndAHalfGiB()
        {
            Assert.Equal(new GuestMemoryLayout(128UL << 20, 128UL << 20, 0), GuestMemoryLayout.For(VirtualMachineKind.Qemu, 128));
            Assert.Equal(new GuestMemoryLayout(3583UL << 20, 3583UL << 20, 0), GuestMemoryLayout.For(VirtualMachineKind.Qemu, 3583));
            Assert.Equal(new GuestMemoryLayout(3584UL << 20, 3072UL << 20, 512UL << 20), GuestMemoryLayout.For(VirtualMachineKind.Qemu, 3584));
            Assert.Equal(new GuestMemoryLayout(5120UL << 20, 3072UL << 20, 2048UL << 20), GuestMemoryLayout.For(VirtualMachineKind.Qemu, 5120));
        }

        [Fact]
        public void RecordedReports_Pass()
        {
            Assert.Empty(Check(5120, Qemu5GiBBanner, s_qemu5GiBMap, s_qemu5GiBMemInfo));
            Assert.Empty(MemoryReportCheck.Check(GuestMemoryLayout.For(VirtualMachineKind.Bochs, 128),
                BannerMemory.Parse("Memory: 127 MiB usable RAM reported by GRUB (mem_lower 636 KiB, mem_upper 129984 KiB)"),
                MemoryMapListing.Parse(s_bochsMap),
                MemInfoReport.Parse(new[] { "pages total: 32752 pages (127 MiB)", "pages usable: 30502 pages", "pages free: 30476 pages", "pages used: 26 pages", "largest free run: 30329 pages", "heap size: 65536 bytes" })));
        }

        [Fact]
        public void KernelThatIgnoresRamAbove4GiB_Fails()
        {
            // What a kernel that stops at 4 GiB would print: no high region, totals and pages to match.
            string[] map = s_qemu5GiBMap.Where(line => !line.StartsWith("0x0000000100000000")).ToArray();
            map[^2] = "usable: 3211464704 bytes (3062 MiB) of 3220692992 bytes RAM (3071 MiB)";
            map[^1] = "reserved, not RAM: 12885368832 bytes (12288 MiB)";
            string[] info = { "pages total: 786400 pages", "pages usable: 784049 pages", "pages free: 784021 pages", "pages used: 28 pages", "largest free run: 783873 pages", "heap size: 65536 bytes" };

            IReadOnlyList<string> problems = Check(5120, Qemu5GiBBanner, map, info);

            Assert.Contains(problems, problem => problem.Contains("from 4 GiB") && problem.Contains("2048 MiB of RAM there"));
            Assert.Contains(problems, problem => problem.Contains("GRUB reported 5119 MiB"));
        }

        [Fact]
        public void SameReportsForTheWrongRamSize_Fail()
        {
            Assert.NotEmpty(Check(6144, Qemu5GiBBanner, s_qemu5GiBMap, s_qemu5GiBMemInfo));
            Assert.NotEmpty(Check(3584, Qemu5GiBBanner, s_qemu5GiBMap, s_qemu5GiBMemInfo));
        }

        [Fact]
        public void DroppedLowRegion_Fails()
        {
            // Only the 632 KiB of conventional memory is lost: less than a MiB, still found.
            string[] map = s_qemu5GiBMap.Where(line => !line.StartsWith("0x0000000000001000")).ToArray();
            map[^2] = "usable: 5358301184 bytes (5110 MiB) of 5367529472 bytes RAM (5118 MiB)";
            map[^1] = "reserved, not RAM: 12885368832 bytes (12288 MiB)";
            string[] info = s_qemu5GiBMemInfo.Select(line => line.Replace("1308337", "1308179")).ToArray();

            Assert.Contains(Check(5120, Qemu5GiBBanner, map, info), problem => problem.Contains("below 1 MiB"));
        }

        [Fact]
        public void AllocatorThatDisagreesWithTheMap_Fails()
        {
            string[] onePageShort = s_qemu5GiBMemInfo.Select(line => line.Replace("1308337", "1308336")).ToArray();
            string[] shortRange = s_qemu5GiBMemInfo.Select(line => line.Replace("1572864", "1048576")).ToArray();

            Assert.Contains(Check(5120, Qemu5GiBBanner, s_qemu5GiBMap, onePageShort), problem => problem.Contains("1308336 usable pages"));
            Assert.Contains(Check(5120, Qemu5GiBBanner, s_qemu5GiBMap, shortRange), problem => problem.Contains("manages 1048576 pages"));
        }

        [Fact]
        public void MapWhoseLinesDoNotAddUp_Fails()
        {
            string[] map = (string[])s_qemu5GiBMap.Clone();
            map[^2] = "usable: 5358952448 bytes (5110 MiB) of 5368176640 bytes RAM (5119 MiB)";
            map[^1] = "reserved, not RAM: 12885368832 bytes (12288 MiB)";

            Assert.Contains(Check(5120, Qemu5GiBBanner, map, s_qemu5GiBMemInfo), problem => problem.Contains("add up to 5358948352"));
        }

        [Fact]
        public void ReservedAreaCountedAsRam_Fails()
        {
            // The old total: every region, QEMU's 12 GiB reserved area near 1 TiB included, as if it were RAM.
            string[] map = (string[])s_qemu5GiBMap.Clone();
            map[^2] = "usable: 5358948352 bytes (5110 MiB) of 18253545472 bytes RAM (17 GiB)";
            map[^1] = "reserved, not RAM: 0 bytes (0 B)";

            IReadOnlyList<string> problems = Check(5120, Qemu5GiBBanner, map, s_qemu5GiBMemInfo);

            Assert.Contains(problems, problem => problem.Contains("18253545472 bytes as RAM, more than"));
            Assert.Contains(problems, problem => problem.Contains("12885368832 reserved"));
        }

        [Fact]
        public void MemInfo_PagesByOwner_MustAddUpToUsedPages()
        {
            string[] owners =
            {
                "pages by owner:", "  page tables:         10 pages (40 KiB), lowest run at 0x1000",
                "  heap:                16 pages (64 KiB), lowest run at 0xB000",
                "  allocator metadata:  2 pages (8 KiB), lowest run at 0x980000", "  collector:           0 pages (0 B)",
                "  kernel, other:       0 pages (0 B)", "  shell (pmalloc):     0 pages (0 B)", "page table root:   0x1000 (CR3)",
            };
            MemInfoReport info = MemInfoReport.Parse(s_qemu5GiBMemInfo.Concat(owners));
            Assert.Equal(16UL, info.PagesByOwner["heap"]);
            Assert.Equal(0x980000UL, info.LowestRunByOwner["allocator metadata"]);
            Assert.Equal(0x1000UL, info.PageTableRoot);
            Assert.Empty(Check(5120, Qemu5GiBBanner, s_qemu5GiBMap, s_qemu5GiBMemInfo.Concat(owners).ToArray()));

            string[] oneShort = s_qemu5GiBMemInfo.Concat(owners.Select(line => line.Replace("10 pages", "9 pages"))).ToArray();
            Assert.Contains(Check(5120, Qemu5GiBBanner, s_qemu5GiBMap, oneShort), problem => problem.Contains("add up to 27"));
            string[] heapShort = s_qemu5GiBMemInfo.Concat(owners).Select(line => line.Replace("65536 bytes", "61440 bytes")).ToArray();
            Assert.Contains(Check(5120, Qemu5GiBBanner, s_qemu5GiBMap, heapShort), problem => problem.Contains("heap size"));
        }

        [Fact]
        public void Parsers_RefuseBrokenRegionLines_AndMissingTotals()
        {
            Assert.Throws<System.FormatException>(() => MemoryMapListing.Parse(new[] { "0x0000000000001000 usable", "usable: 0 bytes (0 B) of 0 bytes RAM (0 B)", "reserved, not RAM: 0 bytes (0 B)" }));
            Assert.Throws<System.FormatException>(() => MemoryMapListing.Parse(s_qemu5GiBMap.Take(3)));
            Assert.Throws<System.FormatException>(() => MemInfoReport.Parse(s_qemu5GiBMemInfo.Skip(1)));
            Assert.Throws<System.FormatException>(() => BannerMemory.Parse("MyOS 0.1.0\n> "));
        }

        private static IReadOnlyList<string> Check(int memoryMiB, string banner, string[] map, string[] info) =>
            MemoryReportCheck.Check(GuestMemoryLayout.For(VirtualMachineKind.Qemu, memoryMiB), BannerMemory.Parse(banner),
                MemoryMapListing.Parse(map), MemInfoReport.Parse(info));
    }
}
