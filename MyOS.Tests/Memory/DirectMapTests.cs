using System.Runtime.InteropServices;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Map;
using Xunit;
using static MyOS.Tests.Memory.PageAllocatorTestMaps;

namespace MyOS.Tests.Memory
{
    /// <summary>
    /// The one conversion between physical and virtual addresses: the kernel's direct map and
    /// image window at their real bases, a fake direct map over native memory as host tests use
    /// it, the window's edges, and which physical ranges the kernel's page tables map (the rule
    /// KernelMemory builds them by and the ACPI reader checks against).
    /// </summary>
    public unsafe class DirectMapTests
    {
        private const ulong HhdmBase = 0xFFFF800000000000, KernelBase = 0xFFFFFFFF80000000;

        [Fact]
        public void KernelDirectMapAddsAndSubtractsTheHhdmBase()
        {
            DirectMap hhdm = DirectMap.Kernel;
            Assert.Equal(HhdmBase, hhdm.Base.Value);
            Assert.Equal(HhdmBase + 0x1234, hhdm.ToVirtual(new PhysicalAddress(0x1234)).Value);
            Assert.Equal(HhdmBase + 0xB8000, (ulong)hhdm.ToPointer(new PhysicalAddress(0xB8000)));
            Assert.True(hhdm.TryToPhysical(new VirtualAddress(HhdmBase + 0x5000), out PhysicalAddress physical));
            Assert.Equal(new PhysicalAddress(0x5000), physical);
            Assert.True(hhdm.TryToPhysical((void*)(HhdmBase + 5 * GiB), out physical));
            Assert.Equal(5 * GiB, physical.Value);
        }

        [Fact]
        public void KernelDirectMapRefusesAddressesOutsideItsWindow()
        {
            DirectMap hhdm = DirectMap.Kernel;
            Assert.False(hhdm.TryToPhysical(null, out PhysicalAddress physical));            // pmfree_hhdm(NULL)
            Assert.True(physical.IsNull);
            Assert.False(hhdm.TryToPhysical((void*)0x1000, out _));                          // a physical address passed as a pointer
            Assert.False(hhdm.TryToPhysical(new VirtualAddress(HhdmBase - 1), out _));
            Assert.False(hhdm.TryToPhysical(new VirtualAddress(KernelBase), out _));         // the kernel image's window begins there
            Assert.True(hhdm.TryToPhysical(new VirtualAddress(KernelBase - 1), out physical));
            Assert.Equal(KernelBase - HhdmBase - 1, physical.Value);
            Assert.False(hhdm.Holds(new PhysicalAddress(KernelBase - HhdmBase), 1));
        }

        [Fact]
        public void KernelImageWindowIsTheTopTwoGiB()
        {
            DirectMap image = DirectMap.KernelImage;
            Assert.Equal(KernelBase + 0x100000, image.ToVirtual(new PhysicalAddress(0x100000)).Value);
            Assert.True(image.TryToPhysical(new VirtualAddress(ulong.MaxValue), out PhysicalAddress last));
            Assert.Equal(2 * GiB - 1, last.Value);
            Assert.False(image.TryToPhysical(new VirtualAddress(HhdmBase + 0x100000), out _));
        }

        [Fact]
        public void FakeDirectMapOverNativeMemoryReadsAndWritesIt()
        {
            const ulong ramBytes = 64 * KiB;
            byte* ram = (byte*)NativeMemory.AllocZeroed((nuint)ramBytes);
            try
            {
                var directMap = new DirectMap(VirtualAddress.Of(ram), ramBytes);
                *(ulong*)directMap.ToPointer(new PhysicalAddress(0x2008)) = 0x1122334455667788;
                Assert.Equal(0x1122334455667788UL, *(ulong*)(ram + 0x2008));
                Assert.True(directMap.TryToPhysical(ram + 0x3000, out PhysicalAddress physical));
                Assert.Equal(0x3000UL, physical.Value);
                Assert.True(directMap.TryToPhysical(ram + ramBytes - 1, out physical));
                Assert.False(directMap.TryToPhysical(ram + ramBytes, out _));                 // one past the window
                Assert.False(directMap.TryToPhysical(ram - 1, out _));
                Assert.True(directMap.Holds(new PhysicalAddress(0), ramBytes));
                Assert.False(directMap.Holds(new PhysicalAddress(0x1000), ramBytes));
                Assert.False(directMap.Holds(new PhysicalAddress(ramBytes + 1), 0));
                Assert.False(directMap.Holds(new PhysicalAddress(8), ulong.MaxValue));       // the end would wrap
            }
            finally
            {
                NativeMemory.Free(ram);
            }
        }

        [Fact]
        public void WindowIsCutWhereItWouldWrap()
        {
            var directMap = new DirectMap(new VirtualAddress(ulong.MaxValue - 0xFFF), ulong.MaxValue);
            Assert.Equal(0x1000UL, directMap.WindowBytes);                                 // up to the last byte of the address space
            Assert.True(directMap.Holds(new PhysicalAddress(0xFFF), 1));
            Assert.False(directMap.Holds(new PhysicalAddress(0x1000), 1));
            Assert.True(DirectMap.Identity.TryToPhysical(new VirtualAddress(0x1234), out PhysicalAddress same));
            Assert.Equal(0x1234UL, same.Value);
        }

        /// <summary>Below 4 GiB: RAM, a hole, firmware; above: RAM, an ACPI reclaim area, a device hole, then RAM again.</summary>
        private static MemoryMap MachineAboveFourGiB()
        {
            var map = new MemoryMap();
            map.Add(Usable(0x1000, 0x9F000));
            map.Add(Usable(0x100000, 3 * GiB));
            map.Add(Reserved(0xFEC00000, 0xFEC01000));
            map.Add(Usable(4 * GiB, 6 * GiB));
            map.Add(6 * GiB, 1 * MiB, MemoryKind.AcpiReclaimable);
            map.Add(Reserved(6 * GiB + 1 * MiB, 8 * GiB));
            map.Add(8 * GiB, 16 * MiB, MemoryKind.Framebuffer);
            Assert.Equal(MemoryMapStatus.Ok, map.Build());
            return map;
        }

        [Theory]
        [InlineData(0x0UL, 0x1000UL, true)]                 // page 0: inside the first 4 GiB, mapped whole
        [InlineData(0xC0000000UL, 0x1000UL, true)]          // a hole below 4 GiB: mapped all the same
        [InlineData(0xFFFFF000UL, 0x2000UL, true)]          // across 4 GiB into RAM that starts there
        [InlineData(0x100000000UL, 0x80000000UL, true)]     // RAM above 4 GiB
        [InlineData(0x17FFFF000UL, 0x2000UL, false)]        // from RAM into the ACPI area: not one range
        [InlineData(0x180000000UL, 0x100000UL, true)]       // the ACPI reclaim area whole
        [InlineData(0x180100000UL, 0x1000UL, false)]        // device/firmware-reserved memory above 4 GiB
        [InlineData(0x200000000UL, 0x1000000UL, true)]      // the framebuffer above 4 GiB
        [InlineData(0x200000000UL, 0x1000001UL, false)]     // one byte past it
        [InlineData(0x300000000UL, 0x1000UL, false)]        // no range at all
        [InlineData(0xFFFFFFFFFFFFF000UL, 0x2000UL, false)] // beyond the window, and the end wraps
        public void KernelPageTablesMapTheFirstFourGiBWholeAndAboveOnlyCertainRanges(ulong physical, ulong length, bool mapped)
        {
            Assert.Equal(mapped, DirectMap.Kernel.Maps(MachineAboveFourGiB(), new PhysicalAddress(physical), length));
        }

        [Fact]
        public void MemoryKindsMappedAboveFourGiB()
        {
            Assert.True(DirectMap.MapsAboveWholeMapped(MemoryKind.Usable));
            Assert.True(DirectMap.MapsAboveWholeMapped(MemoryKind.AcpiReclaimable));
            Assert.True(DirectMap.MapsAboveWholeMapped(MemoryKind.Kernel));
            Assert.True(DirectMap.MapsAboveWholeMapped(MemoryKind.Framebuffer));
            Assert.False(DirectMap.MapsAboveWholeMapped(MemoryKind.Reserved));
            Assert.False(DirectMap.MapsAboveWholeMapped(MemoryKind.AcpiNvs));
            Assert.False(DirectMap.MapsAboveWholeMapped(MemoryKind.BadMemory));
            Assert.False(DirectMap.MapsAboveWholeMapped(MemoryKind.EfiRuntime));
        }

        [Fact]
        public void AddressesCompareByValue()
        {
            var a = new PhysicalAddress(0x1000);
            Assert.True(a == new PhysicalAddress(0x1000) && a != new PhysicalAddress(0x2000));
            Assert.True(new PhysicalAddress(0).IsNull && !a.IsNull);
            Assert.True(new VirtualAddress(HhdmBase) == DirectMap.Kernel.Base);
        }
    }
}
