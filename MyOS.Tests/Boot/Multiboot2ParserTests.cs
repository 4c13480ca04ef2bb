using System.Text;
using MyOS.Core.Boot;
using MyOS.Core.Memory.Map;
using Xunit;

namespace MyOS.Tests.Boot
{
    /// <summary>Well-formed multiboot2 structures: every tag the parser knows comes out right.</summary>
    public unsafe class Multiboot2ParserTests
    {
        internal const ulong HigherHalf = 0xFFFFFFFF80000000;
        private const ulong Alloc = 0x2, Write = 0x1, Exec = 0x4;

        // What QEMU reports for 128 MiB (types as multiboot2 gives them).
        internal static readonly (ulong, ulong, uint)[] s_qemu128 =
        {
            (0x0, 0x9FC00, 1), (0x9FC00, 0x400, 2), (0xF0000, 0x10000, 2),
            (0x100000, 0x7EE0000, 1), (0x7FE0000, 0x20000, 2), (0xFFFC0000, 0x40000, 2),
        };

        // A boot stub linked at its physical address plus higher-half kernel sections.
        internal static readonly (uint, ulong, ulong, ulong)[] s_kernelSections =
        {
            (0, 0, 0, 0),                                          // null section
            (1, Alloc | Exec, 0x100000, 0x80),                     // .boot, physical
            (1, Alloc | Exec, HigherHalf + 0x101000, 0x5000),      // .text
            (1, Alloc, HigherHalf + 0x106000, 0x1000),             // .rodata
            (8, Alloc | Write, HigherHalf + 0x107000, 0x2345),     // .bss (NOBITS, still in memory)
            (1, 0x30, 0, 0x40),                                    // .comment, not allocated
            (2, 0, 0, 0x900),                                      // .symtab
            (3, 0, 0, 0x200),                                      // .strtab
        };

        private static string Text(byte* p, int length) => Encoding.ASCII.GetString(p, length);

        [Fact]
        public void WellFormedStructure_ExposesEveryTag()
        {
            var b = new Multiboot2Builder();
            int cmdline = b.AddCommandLine("console=serial mem=128M");
            b.AddBootLoaderName("GRUB 2.06");
            b.AddModule(0x200000, 0x203000, "initrd.img");
            b.AddModule(0x204000, 0x204000, "");
            b.AddBasicMemoryInfo(639, 129920);
            b.AddTag(8, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 });   // framebuffer: skipped
            b.AddMemoryMap(s_qemu128);
            b.AddElfSections(s_kernelSections);
            b.AddLoadBase(0x100000);
            b.AddEnd();
            byte[] bytes = b.Build();

            using var buffer = new NativeBuffer(bytes);
            var info = new Multiboot2Info();
            BootInfoError error = Multiboot2Parser.Parse(buffer.Pointer, buffer.Length, HigherHalf, info);

            Assert.Equal(BootInfoErrorReason.None, error.Reason);
            Assert.True(info.IsValid);
            Assert.Equal((uint)bytes.Length, info.TotalSize);

            Assert.True(info.HasCommandLine);
            Assert.True(buffer.Pointer + cmdline + 8 == info.CommandLine);
            Assert.Equal("console=serial mem=128M", Text(info.CommandLine, info.CommandLineLength));
            Assert.Equal("GRUB 2.06", Text(info.BootLoaderName, info.BootLoaderNameLength));

            Assert.Equal(2, info.ModuleCount);
            Assert.Equal(0x200000UL, info.GetModule(0).Start);
            Assert.Equal(0x203000UL, info.GetModule(0).End);
            Assert.Equal("initrd.img", Text(info.GetModule(0).String, info.GetModule(0).StringLength));
            Assert.Equal(0, info.GetModule(1).StringLength);
            Assert.Equal(0UL, info.GetModule(2).End);   // out of range: empty

            Assert.True(info.HasBasicMemoryInfo);
            Assert.Equal(639u, info.MemoryLowerKiB);
            Assert.Equal(129920u, info.MemoryUpperKiB);

            Assert.True(info.HasMemoryMap);
            Assert.Equal(s_qemu128.Length, info.MemoryEntryCount);
            for (int i = 0; i < s_qemu128.Length; i++)
            {
                Assert.Equal(s_qemu128[i].Item1, info.GetMemoryEntry(i).Base);
                Assert.Equal(s_qemu128[i].Item2, info.GetMemoryEntry(i).Length);
                Assert.Equal(s_qemu128[i].Item3, info.GetMemoryEntry(i).Type);
            }
            Assert.Equal(new MemoryRange(0x100000, 0x7EE0000, MemoryKind.Usable), info.GetMemoryRegion(3));

            Assert.True(info.HasElfSections);
            Assert.True(info.HasKernelImage);
            Assert.Equal(0x100000UL, info.KernelLinkedStart);
            Assert.Equal(HigherHalf + 0x109345, info.KernelLinkedEnd);
            Assert.Equal(new MemoryRange(0x100000, 0x9345, MemoryKind.Kernel), info.KernelImage);

            Assert.True(info.HasLoadBase);
            Assert.Equal(0x100000UL, info.LoadBase);
        }

        [Fact]
        public void HeaderAndEndTagOnly_IsValidAndEmpty()
        {
            var b = new Multiboot2Builder();
            b.AddEnd();
            using var buffer = new NativeBuffer(b.Build());
            var info = new Multiboot2Info();
            Assert.True(Multiboot2Parser.Parse(buffer.Pointer, buffer.Length, 0, info).IsOk);
            Assert.True(info.IsValid);
            Assert.False(info.HasMemoryMap || info.HasCommandLine || info.HasBootLoaderName || info.HasElfSections || info.HasLoadBase || info.HasBasicMemoryInfo);
            Assert.Equal(0, info.MemoryEntryCount);
            Assert.Equal(0, info.ModuleCount);
            Assert.True(info.CommandLine == null);
        }

        [Fact]
        public void NoVirtualBase_ReportsSectionsAsLinked()
        {
            var b = new Multiboot2Builder();
            b.AddElfSections(s_kernelSections);
            b.AddEnd();
            using var buffer = new NativeBuffer(b.Build());
            var info = new Multiboot2Info();
            Assert.True(Multiboot2Parser.Parse(buffer.Pointer, buffer.Length, 0, info).IsOk);
            Assert.Equal(0x100000UL, info.KernelImage.Base);
            Assert.Equal(HigherHalf + 0x109345, info.KernelImage.End);
        }

        [Fact]
        public void Elf32Sections_AreRead()
        {
            var b = new Multiboot2Builder();
            b.AddElfSections(new (uint, ulong, ulong, ulong)[] { (0, 0, 0, 0), (1, Alloc, 0x100000, 0x3000), (8, Alloc, 0x103000, 0x800) }, elf64: false);
            b.AddEnd();
            using var buffer = new NativeBuffer(b.Build());
            var info = new Multiboot2Info();
            Assert.True(Multiboot2Parser.Parse(buffer.Pointer, buffer.Length, HigherHalf, info).IsOk);
            Assert.Equal(new MemoryRange(0x100000, 0x3800, MemoryKind.Kernel), info.KernelImage);
        }

        [Fact]
        public void ElfSectionsWithoutAllocatedOnes_HaveNoKernelImage()
        {
            var b = new Multiboot2Builder();
            b.AddElfSections(new (uint, ulong, ulong, ulong)[] { (0, 0, 0, 0), (2, 0, 0, 0x900), (1, Alloc, 0x100000, 0) });
            b.AddEnd();
            using var buffer = new NativeBuffer(b.Build());
            var info = new Multiboot2Info();
            Assert.True(Multiboot2Parser.Parse(buffer.Pointer, buffer.Length, HigherHalf, info).IsOk);
            Assert.True(info.HasElfSections);
            Assert.False(info.HasKernelImage);
        }

        [Fact]
        public void LargerEntriesUnknownTypesAndFullCapacity_AreAllKept()
        {
            var entries = new (ulong, ulong, uint)[Multiboot2Info.MaxMemoryEntries];
            for (int i = 0; i < entries.Length; i++)
                entries[i] = ((ulong)i * 0x1000, 0x800, (uint)(i % 9));   // types 0..8, unknown ones too
            var b = new Multiboot2Builder();
            b.AddMemoryMap(entries, entrySize: 32, version: 1);
            b.AddEnd();
            using var buffer = new NativeBuffer(b.Build());
            var info = new Multiboot2Info();
            Assert.True(Multiboot2Parser.Parse(buffer.Pointer, buffer.Length, 0, info).IsOk);
            Assert.Equal(entries.Length, info.MemoryEntryCount);
            Assert.Equal(7u, info.GetMemoryEntry(7).Type);
            Assert.Equal(0xFF000UL, info.GetMemoryEntry(255).Base);
            Assert.Equal(MemoryKind.Reserved, info.GetMemoryRegion(7).Kind);
            Assert.Equal(MemoryKind.BadMemory, info.GetMemoryRegion(5).Kind);
        }

        [Theory]
        [InlineData(0u, MemoryKind.Reserved)]
        [InlineData(1u, MemoryKind.Usable)]
        [InlineData(2u, MemoryKind.Reserved)]
        [InlineData(3u, MemoryKind.AcpiReclaimable)]
        [InlineData(4u, MemoryKind.AcpiNvs)]
        [InlineData(5u, MemoryKind.BadMemory)]
        [InlineData(6u, MemoryKind.Reserved)]
        [InlineData(100u, MemoryKind.Reserved)]
        [InlineData(0xFFFFFFFFu, MemoryKind.Reserved)]
        public void MemoryTypes_MapToRegionKinds(uint type, MemoryKind expected)
        {
            Assert.Equal(expected, Multiboot2MemoryType.ToRegionKind(type));
        }

        [Fact]
        public void ReusedInfo_ForgetsTheEarlierParse()
        {
            var full = new Multiboot2Builder();
            full.AddCommandLine("x");
            full.AddMemoryMap(s_qemu128);
            full.AddEnd();
            var empty = new Multiboot2Builder();
            empty.AddEnd();
            var info = new Multiboot2Info();
            using (var buffer = new NativeBuffer(full.Build()))
                Assert.True(Multiboot2Parser.Parse(buffer.Pointer, buffer.Length, 0, info).IsOk);
            using (var buffer = new NativeBuffer(empty.Build()))
                Assert.True(Multiboot2Parser.Parse(buffer.Pointer, buffer.Length, 0, info).IsOk);
            Assert.Equal(0, info.MemoryEntryCount);
            Assert.False(info.HasCommandLine);
        }

        [Fact]
        public void BytesAfterTheEndTag_AreIgnored()
        {
            var b = new Multiboot2Builder();
            b.AddEnd();
            b.AddTag(0xDEAD, new byte[8]);   // inside total_size, but after the end tag
            using var buffer = new NativeBuffer(b.Build());
            Assert.True(Multiboot2Parser.Parse(buffer.Pointer, buffer.Length, 0, new Multiboot2Info()).IsOk);
        }

        [Fact]
        public void FreshInfo_IsNotValid()
        {
            Assert.False(new Multiboot2Info().IsValid);
        }
    }
}
