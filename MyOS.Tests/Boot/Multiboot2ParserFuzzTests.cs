using System;
using MyOS.Core.Boot;
using Xunit;

namespace MyOS.Tests.Boot
{
    /// <summary>
    /// Random corruption of a valid structure, parsed from a buffer that ends at an inaccessible
    /// guard page: a read past the readable bytes would crash the run. Results must stay inside
    /// the structure whether the parse succeeds or not.
    /// </summary>
    public unsafe class Multiboot2ParserFuzzTests
    {
        private static byte[] ValidStructure()
        {
            var b = new Multiboot2Builder();
            b.AddCommandLine("console=ttyS0");
            b.AddBootLoaderName("GRUB 2.06");
            b.AddModule(0x200000, 0x201000, "mod");
            b.AddBasicMemoryInfo(639, 129920);
            b.AddMemoryMap(Multiboot2ParserTests.s_qemu128);
            b.AddElfSections(Multiboot2ParserTests.s_kernelSections);
            b.AddLoadBase(0x100000);
            b.AddEnd();
            return b.Build();
        }

        [Fact]
        public void CorruptedStructures_NeverReadOutsideAndStayConsistent()
        {
            byte[] valid = ValidStructure();
            var random = new Random(12345);
            var info = new Multiboot2Info();
            int succeeded = 0;
            for (int iteration = 0; iteration < 4000; iteration++)
            {
                int length = random.Next(4) == 0 ? random.Next(valid.Length / 8 + 1) * 8 : valid.Length;
                byte[] bytes = new byte[length];
                Array.Copy(valid, bytes, length);
                int flips = 1 + random.Next(4);
                for (int f = 0; f < flips && length > 0; f++)
                {
                    int at = random.Next(length);
                    // Mostly small values: they hit the interesting sizes (0..8, just past the end).
                    bytes[at] = random.Next(2) == 0 ? (byte)random.Next(256) : (byte)random.Next(24);
                }

                using var buffer = new NativeBuffer(bytes);
                BootInfoError error = Multiboot2Parser.Parse(buffer.Pointer, buffer.Length, Multiboot2ParserTests.HigherHalf, info);
                if (!error.IsOk)
                {
                    Assert.False(info.IsValid);
                    Assert.True(error.TagOffset <= (ulong)length + 8);
                    continue;
                }
                succeeded++;
                Assert.True(info.TotalSize <= length);
                byte* end = buffer.Pointer + info.TotalSize;
                if (info.HasCommandLine)
                    Assert.True(info.CommandLine + info.CommandLineLength < end && info.CommandLine[info.CommandLineLength] == 0);
                if (info.HasBootLoaderName)
                    Assert.True(info.BootLoaderName + info.BootLoaderNameLength < end && info.BootLoaderName[info.BootLoaderNameLength] == 0);
                for (int i = 0; i < info.ModuleCount; i++)
                {
                    Multiboot2Module m = info.GetModule(i);
                    Assert.True(m.String + m.StringLength < end && m.End >= m.Start);
                }
                Assert.InRange(info.MemoryEntryCount, 0, Multiboot2Info.MaxMemoryEntries);
                for (int i = 0; i < info.MemoryEntryCount; i++)
                    Assert.True(info.GetMemoryEntry(i).Length <= ulong.MaxValue - info.GetMemoryEntry(i).Base);
            }
            Assert.InRange(succeeded, 1, 3999);   // both outcomes were exercised
        }

        [Fact]
        public void RandomGarbage_IsRejectedWithoutCrashing()
        {
            var random = new Random(777);
            var info = new Multiboot2Info();
            for (int iteration = 0; iteration < 2000; iteration++)
            {
                byte[] bytes = new byte[8 * (1 + random.Next(64))];
                random.NextBytes(bytes);
                // A plausible total_size half of the time, so the tag walk itself gets exercised.
                if (random.Next(2) == 0)
                    BitConverter.GetBytes((uint)bytes.Length).CopyTo(bytes, 0);
                using var buffer = new NativeBuffer(bytes);
                BootInfoError error = Multiboot2Parser.Parse(buffer.Pointer, buffer.Length, 0, info);
                // Random bytes never end in a well-formed end tag with every tag before it valid
                // (the seed is fixed, so this is the same 2,000 buffers every run).
                Assert.False(error.IsOk, $"iteration {iteration}: {bytes.Length} random bytes were accepted as boot information");
                Assert.False(info.IsValid);
            }
        }
    }
}
