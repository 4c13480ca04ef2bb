using System.Text;
using MyOS.Core.Acpi;
using Xunit;

namespace MyOS.Tests.Acpi
{
    /// <summary>The `\_S5` package reader on hand-made AML, including every truncation of it.</summary>
    public unsafe class SleepTypeReaderTests
    {
        private static string Find(byte[] aml, out ushort a, out ushort b)
        {
            fixed (byte* p = aml)
                return SleepTypeReader.Find(p, (uint)aml.Length, "_S5_", out a, out b);
        }

        [Fact]
        public void ReadsZeroOneAndPrefixedConstants()
        {
            byte[] aml = { 0x08, 0x5F, 0x53, 0x35, 0x5F, 0x12, 0x08, 0x04, 0x01, 0x0B, 0x07, 0x00, 0x00, 0x00 };
            Assert.Null(Find(aml, out ushort a, out ushort b));
            Assert.Equal(1, a);
            Assert.Equal(7, b);
        }

        [Fact]
        public void ReadsATwoBytePackageLength()
        {
            // PkgLength 0x41 0x01: two bytes, length = 1 + (1 << 4) = 17.
            byte[] aml = new byte[5 + 1 + 17];
            Encoding.ASCII.GetBytes("\b_S5_").CopyTo(aml, 0);
            aml[5] = 0x12;
            aml[6] = 0x41;
            aml[7] = 0x01;
            aml[8] = 2;
            aml[9] = 0x0A;
            aml[10] = 3;
            aml[11] = 0x00;
            Assert.Null(Find(aml, out ushort a, out ushort b));
            Assert.Equal(3, a);
            Assert.Equal(0, b);
        }

        [Fact]
        public void NameWithoutNameOpIsNotTaken()
        {
            // "_S5_" inside a method body (no NameOp before it) is a reference, not the declaration.
            byte[] aml = { 0x70, 0x5F, 0x53, 0x35, 0x5F, 0x12, 0x04, 0x01, 0x0A, 0x05 };
            Assert.Equal("no _S5_ object in the DSDT", Find(aml, out _, out _));
        }

        [Fact]
        public void EveryTruncationGivesAReasonNotAFault()
        {
            byte[] whole = { 0x08, 0x5C, 0x5F, 0x53, 0x35, 0x5F, 0x12, 0x06, 0x02, 0x0A, 0x05, 0x0A, 0x05 };
            Assert.Null(Find(whole, out _, out _));
            for (int length = 0; length < whole.Length; length++)
            {
                byte[] cut = new byte[length];
                System.Array.Copy(whole, cut, length);
                Assert.NotNull(Find(cut, out _, out _));
            }
        }
    }
}
