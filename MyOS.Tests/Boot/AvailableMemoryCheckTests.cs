using System;
using MyOS.Core.Boot;
using Xunit;

namespace MyOS.Tests.Boot
{
    /// <summary>The kernel-image placement check and the EFI/multiboot2 map cross-check, over synthetic maps.</summary>
    public unsafe class AvailableMemoryCheckTests
    {
        // OVMF's low memory as GRUB reported it (issue 17): ACPI NVS at 8 MiB between RAM.
        private static readonly (ulong, ulong, uint)[] s_ovmf =
        {
            (0x0, 0xA0000, 1), (0x100000, 0x700000, 1), (0x800000, 0x8000, 4), (0x808000, 0x3000, 1),
            (0x80B000, 0x1000, 4), (0x80C000, 0x4000, 1), (0x810000, 0xF0000, 4), (0x900000, 0x7600000, 1),
        };

        private static void WithInfo((ulong, ulong, uint)[] map, byte[] efiMap, Action<Multiboot2Info> check)
        {
            var b = new Multiboot2Builder();
            b.AddMemoryMap(map);
            if (efiMap != null)
                b.AddTag(17, efiMap);
            b.AddEnd();
            using var buffer = new NativeBuffer(b.Build());
            var info = new Multiboot2Info();
            Assert.True(Multiboot2Parser.Parse(buffer.Pointer, buffer.Length, 0, info).IsOk);
            check(info);
        }

        [Fact]
        public void ImageInsideAvailableRamPasses() =>
            WithInfo(s_ovmf, null, info => Assert.False(AvailableMemoryCheck.FirstUnavailable(info, 0x100000, 0x384000).Exists));

        [Fact]
        public void ImageOverAcpiNvsNamesTheOverlap() =>
            WithInfo(s_ovmf, null, info =>
            {
                MemoryOverlap overlap = AvailableMemoryCheck.FirstUnavailable(info, 0x100000, 0x981000);
                Assert.True(overlap.Exists);
                Assert.Equal(0x800000UL, overlap.Start);
                Assert.Equal(0x808000UL, overlap.End);
                Assert.Equal(4u, overlap.Type);
            });

        [Fact]
        public void ImageOverAHoleIsReportedAsHole() =>
            WithInfo(s_ovmf, null, info =>
            {
                MemoryOverlap overlap = AvailableMemoryCheck.FirstUnavailable(info, 0x90000, 0x120000);
                Assert.Equal(0xA0000UL, overlap.Start);
                Assert.Equal(0x100000UL, overlap.End);
                Assert.Equal(MemoryOverlap.Hole, overlap.Type);
            });

        private static byte[] EfiMap(params (uint Type, ulong Start, ulong Pages)[] descriptors)
        {
            byte[] header = Multiboot2Builder.Concat(Multiboot2Builder.U32(40), Multiboot2Builder.U32(1));
            foreach (var d in descriptors)
            {
                byte[] bytes = new byte[40];
                BitConverter.GetBytes(d.Type).CopyTo(bytes, 0);
                BitConverter.GetBytes(d.Start).CopyTo(bytes, 8);
                BitConverter.GetBytes(d.Pages).CopyTo(bytes, 24);
                header = Multiboot2Builder.Concat(header, bytes);
            }
            return header;
        }

        [Fact]
        public void AgreeingEfiMapHasNoDisagreement() =>
            WithInfo(new[] { (0x0UL, 0xA0000UL, 1u), (0x100000UL, 0x700000UL, 1u), (0x800000UL, 0x8000UL, 4u) },
                EfiMap((EfiMemoryType.Conventional, 0x0, 0xA0), (EfiMemoryType.LoaderData, 0x100000, 0x300), (EfiMemoryType.BootServicesData, 0x400000, 0x400),
                       (10, 0x800000, 8)),
                info => Assert.False(AvailableMemoryCheck.FirstEfiDisagreement(info).Exists));

        [Fact]
        public void EfiFreeMemoryGrubCallsReservedIsFound() =>
            WithInfo(new[] { (0x0UL, 0xA0000UL, 1u), (0x100000UL, 0x700000UL, 2u) },
                EfiMap((EfiMemoryType.Conventional, 0x0, 0xA0), (EfiMemoryType.Conventional, 0x100000, 0x700)),
                info =>
                {
                    MemoryOverlap d = AvailableMemoryCheck.FirstEfiDisagreement(info);
                    Assert.True(d.Exists);
                    Assert.Equal(0x100000UL, d.Start);
                    Assert.Equal(2u, d.Type);
                });

        [Fact]
        public void GrubAvailableMemoryTheEfiMapKeepsIsFound() =>
            WithInfo(new[] { (0x0UL, 0xA0000UL, 1u), (0x100000UL, 0x700000UL, 1u) },
                EfiMap((EfiMemoryType.Conventional, 0x0, 0xA0), (EfiMemoryType.Conventional, 0x100000, 0x300), (EfiMemoryType.RuntimeServicesData, 0x400000, 0x400)),
                info =>
                {
                    MemoryOverlap d = AvailableMemoryCheck.FirstEfiDisagreement(info);
                    Assert.True(d.Exists);
                    Assert.Equal(0x400000UL, d.Start);
                });
    }
}
