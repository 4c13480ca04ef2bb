using System.Linq;
using MyOS.Core.Acpi;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Map;
using Xunit;

namespace MyOS.Tests.Acpi
{
    /// <summary>
    /// The kernel's ACPI memory reader over a fake direct map whose base is the synthetic
    /// firmware's memory: tables are found through the same conversion the kernel uses, and a
    /// range the kernel's page tables do not map (above 4 GiB outside RAM, ACPI and kernel
    /// ranges) is refused before anything is read.
    /// </summary>
    public unsafe class DirectMapAcpiMemoryTests
    {
        private const ulong GiB = 1UL << 30, MiB = 1UL << 20;

        /// <summary>RAM below 4 GiB, and above it RAM, an ACPI reclaim range and firmware-reserved memory.</summary>
        private static MemoryMap Machine()
        {
            var map = new MemoryMap();
            map.Add(0x100000, 3 * GiB, MemoryKind.Usable);
            map.Add(4 * GiB, 1 * GiB, MemoryKind.Usable);
            map.Add(5 * GiB, 1 * MiB, MemoryKind.AcpiReclaimable);
            map.Add(6 * GiB, 1 * MiB, MemoryKind.Reserved);
            Assert.Equal(MemoryMapStatus.Ok, map.Build());
            return map;
        }

        /// <summary>A direct map onto the firmware's memory, wide enough for the addresses above 4 GiB (never read here).</summary>
        private static DirectMap Onto(SyntheticFirmware fw) => new DirectMap(VirtualAddress.Of(fw.At(0)), 8 * GiB);

        [Fact]
        public void TablesAreFoundThroughTheDirectMap()
        {
            using var fw = new SyntheticFirmware();
            byte[] rsdp = AcpiTablesTests.BuildAcpi2(fw);
            var memory = new DirectMapAcpiMemory(Machine(), Onto(fw));
            AcpiTables t;
            fixed (byte* r = rsdp)
                t = AcpiTables.Discover(memory, r, (uint)rsdp.Length, null, 0, false);
            Assert.Equal(0, t.ProblemCount);
            Assert.Equal(new[] { "XSDT", "FACP", "DSDT" }, Enumerable.Range(0, t.TableCount).Select(i => t.GetTable(i).Signature));
            Assert.True(t.CanPowerOff);
        }

        [Theory]
        [InlineData(0x100000UL, 36UL, true)]                 // below 4 GiB
        [InlineData(0xFEC00000UL, 0x1000UL, true)]           // device memory below 4 GiB: the first 4 GiB are mapped whole
        [InlineData(0x120000000UL, 36UL, true)]              // RAM above 4 GiB
        [InlineData(0x140000000UL, 0x100000UL, true)]        // the ACPI reclaim range above 4 GiB, whole
        [InlineData(0x1400FFFF0UL, 0x20UL, false)]           // across the end of the ACPI range into a hole
        [InlineData(0x180000000UL, 36UL, false)]             // firmware-reserved memory above 4 GiB
        [InlineData(0x1C0000000UL, 36UL, false)]             // no range at all
        [InlineData(0xFFFFFFF0UL, 0x100000000UL, false)]     // longer than anything mapped
        [InlineData(0xFFFFFFFFFFFFFFF0UL, 0x20UL, false)]    // the end wraps
        public void ReadableIsWhatTheKernelPageTablesMap(ulong physical, ulong length, bool readable)
        {
            using var fw = new SyntheticFirmware();
            var memory = new DirectMapAcpiMemory(Machine(), Onto(fw));
            byte* pointer = memory.Map(new PhysicalAddress(physical), length);
            Assert.True(readable ? pointer == fw.At(0) + physical : pointer == null);
        }

        [Fact]
        public void TableListedInUnmappedMemoryAboveFourGiBIsSkippedWithAProblemLine()
        {
            using var fw = new SyntheticFirmware();
            const ulong xsdt = 0x100000, fadt = 0x102000, dsdt = 0x103000, reserved = 6 * GiB;
            fw.Write(xsdt, SyntheticFirmware.Table("XSDT", 1, SyntheticFirmware.Entries(8, reserved, fadt)));
            fw.Write(fadt, SyntheticFirmware.Table("FACP", 3, SyntheticFirmware.FadtBody(244, (uint)dsdt, dsdt, 0x604, 0)));
            fw.Write(dsdt, SyntheticFirmware.Table("DSDT", 1, SyntheticFirmware.S5Aml(5, 5)));
            byte[] rsdp = SyntheticFirmware.Rsdp(2, 0, xsdt);
            AcpiTables t;
            fixed (byte* r = rsdp)
                t = AcpiTables.Discover(new DirectMapAcpiMemory(Machine(), Onto(fw)), r, (uint)rsdp.Length, null, 0, false);
            Assert.Equal(1, t.ProblemCount);
            Assert.Contains("0x180000000 cannot be read", t.GetProblem(0));
            Assert.True(t.CanPowerOff);
        }
    }
}
