using System;
using MyOS.Core.Boot;
using Xunit;

namespace MyOS.Tests.Boot
{
    /// <summary>Malformed multiboot2 structures: each yields the right reason, tag type and offset.</summary>
    public unsafe class Multiboot2ParserErrorTests
    {
        private const uint NoTag = BootInfoError.NoTag;

        private static BootInfoError Parse(byte[] bytes, int misalign = 0, ulong? readable = null)
        {
            using var buffer = new NativeBuffer(bytes, misalign);
            var info = new Multiboot2Info();
            BootInfoError error = Multiboot2Parser.Parse(buffer.Pointer, readable ?? buffer.Length, 0, info);
            Assert.Equal(error.Reason, info.Error.Reason);
            Assert.Equal(error.IsOk, info.IsValid);
            return error;
        }

        private static void AssertError(BootInfoError error, BootInfoErrorReason reason, uint tagType, int offset)
        {
            Assert.Equal(reason, error.Reason);
            Assert.Equal(tagType, error.TagType);
            Assert.Equal((uint)offset, error.TagOffset);
        }

        [Fact]
        public void NullPointerAndNullResult()
        {
            AssertError(Multiboot2Parser.Parse(null, 64, 0, new Multiboot2Info()), BootInfoErrorReason.NullPointer, NoTag, 0);
            var b = new Multiboot2Builder();
            b.AddEnd();
            using var buffer = new NativeBuffer(b.Build());
            AssertError(Multiboot2Parser.Parse(buffer.Pointer, buffer.Length, 0, null), BootInfoErrorReason.NullPointer, NoTag, 0);
        }

        [Fact]
        public void MisalignedPointer()
        {
            var b = new Multiboot2Builder();
            b.AddEnd();
            AssertError(Parse(b.Build(), misalign: 4), BootInfoErrorReason.MisalignedPointer, NoTag, 0);
        }

        [Fact]
        public void HeaderNotReadable()
        {
            var b = new Multiboot2Builder();
            b.AddEnd();
            AssertError(Parse(b.Build(), readable: 7), BootInfoErrorReason.HeaderNotReadable, NoTag, 0);
        }

        [Theory]
        [InlineData(0u)]
        [InlineData(8u)]
        [InlineData(15u)]
        public void TotalSizeTooSmall(uint totalSize)
        {
            var b = new Multiboot2Builder();
            b.AddEnd();
            AssertError(Parse(b.Build(totalSize)), BootInfoErrorReason.TotalSizeTooSmall, NoTag, 0);
        }

        [Fact]
        public void TotalSizeBeyondReadableBytes()
        {
            var b = new Multiboot2Builder();
            b.AddEnd();
            AssertError(Parse(b.Build(24)), BootInfoErrorReason.TotalSizeTooLarge, NoTag, 0);
            AssertError(Parse(b.Build(0xFFFFFFFF), readable: ulong.MaxValue), BootInfoErrorReason.TotalSizeTooLarge, NoTag, 0);
            AssertError(Parse(b.Build(Multiboot2Parser.MaxTotalSize + 8), readable: ulong.MaxValue), BootInfoErrorReason.TotalSizeTooLarge, NoTag, 0);
        }

        [Theory]
        [InlineData(0u)]
        [InlineData(4u)]
        [InlineData(7u)]
        public void TagSizeBelowEight(uint size)
        {
            var b = new Multiboot2Builder();
            b.AddCommandLine("a");
            int bad = b.AddTag(1234, new byte[8], sizeOverride: size);
            b.AddEnd();
            AssertError(Parse(b.Build()), BootInfoErrorReason.TagTooSmall, 1234, bad);
        }

        [Fact]
        public void TagRunningPastTotalSize()
        {
            var b = new Multiboot2Builder();
            b.AddCommandLine("a");
            int bad = b.AddTag(1234, new byte[8], sizeOverride: 64);
            b.AddEnd();
            AssertError(Parse(b.Build()), BootInfoErrorReason.TagPastEnd, 1234, bad);
            var huge = new Multiboot2Builder();
            int hugeTag = huge.AddTag(6, new byte[8], sizeOverride: 0xFFFFFFFF);
            huge.AddEnd();
            AssertError(Parse(huge.Build()), BootInfoErrorReason.TagPastEnd, 6, hugeTag);
        }

        [Fact]
        public void MissingEndTag()
        {
            var b = new Multiboot2Builder();
            b.AddCommandLine("abc");
            byte[] bytes = b.Build();
            AssertError(Parse(bytes), BootInfoErrorReason.MissingEndTag, NoTag, bytes.Length);
        }

        [Fact]
        public void EndTagWithWrongSize()
        {
            var b = new Multiboot2Builder();
            b.AddCommandLine("abc");
            int end = b.AddTag(0, new byte[8]);
            AssertError(Parse(b.Build()), BootInfoErrorReason.EndTagSizeInvalid, 0, end);
        }

        [Theory]
        [InlineData(1u)]
        [InlineData(2u)]
        public void StringTagsWithoutNul(uint type)
        {
            var b = new Multiboot2Builder();
            b.AddMemoryMap(Multiboot2ParserTests.s_qemu128);
            int bad = b.AddString(type, "no terminator", terminate: false);
            b.AddEnd();
            AssertError(Parse(b.Build()), BootInfoErrorReason.StringNotTerminated, type, bad);
        }

        [Fact]
        public void NulOnlyInThePaddingAfterTheTag_DoesNotCount()
        {
            var b = new Multiboot2Builder();
            // "abc" + NUL is 12 bytes with the header; size 11 leaves the NUL in the padding.
            int bad = b.AddString(1, "abc", terminate: true, sizeOverride: 11);
            b.AddEnd();
            AssertError(Parse(b.Build()), BootInfoErrorReason.StringNotTerminated, 1, bad);
        }

        [Fact]
        public void MemoryMapErrors()
        {
            var entry = new (ulong, ulong, uint)[] { (0x100000, 0x1000, 1) };
            AssertTagError(b => b.AddMemoryMap(entry, entrySize: 16), BootInfoErrorReason.MemoryMapEntrySizeTooSmall, 6);
            AssertTagError(b => b.AddMemoryMap(entry, entrySize: 0), BootInfoErrorReason.MemoryMapEntrySizeTooSmall, 6);
            AssertTagError(b => b.AddTag(6, Multiboot2Builder.U32(24)), BootInfoErrorReason.TagTooSmall, 6);
            AssertTagError(b => b.AddTag(6, Multiboot2Builder.Concat(Multiboot2Builder.U32(24), Multiboot2Builder.U32(0), new byte[25])),
                BootInfoErrorReason.MemoryMapSizeNotMultiple, 6);
            AssertTagError(b => b.AddMemoryMap(new (ulong, ulong, uint)[Multiboot2Info.MaxMemoryEntries + 1]), BootInfoErrorReason.TooManyMemoryMapEntries, 6);
            AssertTagError(b => b.AddMemoryMap(new (ulong, ulong, uint)[] { (0x1000, 0x1000, 1), (0xFFFFFFFFFFFFF000, 0x2000, 2) }),
                BootInfoErrorReason.MemoryMapEntryOverflow, 6);
        }

        [Fact]
        public void ModuleErrors()
        {
            AssertTagError(b => b.AddTag(3, Multiboot2Builder.U32(0x1000)), BootInfoErrorReason.TagTooSmall, 3);
            AssertTagError(b => b.AddModule(0x2000, 0x1000, "backwards"), BootInfoErrorReason.ModuleRangeInvalid, 3);
            AssertTagError(b => b.AddModule(0x1000, 0x2000, "unterminated", terminate: false), BootInfoErrorReason.StringNotTerminated, 3);
            AssertTagError(b => b.AddModule(0x1000, 0x2000, "", terminate: false), BootInfoErrorReason.StringNotTerminated, 3);
        }

        [Fact]
        public void TooManyModules_NamesTheFirstOneOver()
        {
            var b = new Multiboot2Builder();
            for (int i = 0; i < Multiboot2Info.MaxModules; i++)
                b.AddModule((uint)i * 0x1000, (uint)i * 0x1000 + 0x800, "m");
            int bad = b.AddModule(0x100000, 0x100800, "one too many");
            b.AddEnd();
            AssertError(Parse(b.Build()), BootInfoErrorReason.TooManyModules, 3, bad);
        }

        [Fact]
        public void FixedSizeTagsTooSmall()
        {
            AssertTagError(b => b.AddTag(4, Multiboot2Builder.U32(639)), BootInfoErrorReason.TagTooSmall, 4);
            AssertTagError(b => b.AddTag(21, Array.Empty<byte>()), BootInfoErrorReason.TagTooSmall, 21);
            AssertTagError(b => b.AddTag(9, new byte[8]), BootInfoErrorReason.TagTooSmall, 9);
        }

        [Fact]
        public void ElfSectionErrors()
        {
            var one = new (uint, ulong, ulong, ulong)[] { (1, 2, 0x100000, 0x1000) };
            AssertTagError(b => b.AddElfSections(one, entSizeOverride: 48), BootInfoErrorReason.ElfEntrySizeInvalid, 9);
            AssertTagError(b => b.AddElfSections(one, numOverride: 2), BootInfoErrorReason.ElfSectionsPastTag, 9);
            AssertTagError(b => b.AddElfSections(one, numOverride: 0x80000000), BootInfoErrorReason.ElfSectionsPastTag, 9);
            AssertTagError(b => b.AddElfSections(new (uint, ulong, ulong, ulong)[] { (1, 2, 0xFFFFFFFFFFFFF000, 0x2000) }),
                BootInfoErrorReason.ElfSectionOverflow, 9);
        }

        [Theory]
        [InlineData(1u)]
        [InlineData(2u)]
        [InlineData(4u)]
        [InlineData(6u)]
        [InlineData(9u)]
        [InlineData(21u)]
        public void SingleInstanceTagsAppearingTwice(uint type)
        {
            var b = new Multiboot2Builder();
            AddValidTag(b, type);
            int second = AddValidTag(b, type);
            b.AddEnd();
            AssertError(Parse(b.Build()), BootInfoErrorReason.DuplicateTag, type, second);
        }

        private static int AddValidTag(Multiboot2Builder b, uint type)
        {
            switch (type)
            {
                case 1: return b.AddCommandLine("x");
                case 2: return b.AddBootLoaderName("x");
                case 4: return b.AddBasicMemoryInfo(1, 2);
                case 6: return b.AddMemoryMap(Multiboot2ParserTests.s_qemu128);
                case 9: return b.AddElfSections(Multiboot2ParserTests.s_kernelSections);
                default: return b.AddLoadBase(0x100000);
            }
        }

        /// <summary>Builds [good command line][tag from add][end] and checks the error names the middle tag.</summary>
        private static void AssertTagError(Func<Multiboot2Builder, int> add, BootInfoErrorReason reason, uint type)
        {
            var b = new Multiboot2Builder();
            b.AddCommandLine("root=/dev/sda");
            int offset = add(b);
            b.AddEnd();
            AssertError(Parse(b.Build()), reason, type, offset);
        }
    }
}
