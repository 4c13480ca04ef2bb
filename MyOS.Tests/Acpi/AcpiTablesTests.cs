using System;
using System.Linq;
using MyOS.Core.Acpi;
using Xunit;

namespace MyOS.Tests.Acpi
{
    /// <summary>
    /// The ACPI parser over synthetic firmware: the good path (ACPI 2.0 through the XSDT, ACPI 1.0
    /// found by scanning the BIOS area), and each malformed structure giving one problem line and
    /// the next fallback, never a fault.
    /// </summary>
    public unsafe class AcpiTablesTests
    {
        private const ulong Xsdt = 0x100000, Rsdt = 0x101000, Fadt = 0x102000, Dsdt = 0x103000, Dsdt2 = 0x104000;

        /// <summary>An ACPI 2.0 machine like QEMU q35 under OVMF; returns the RSDP bytes (GRUB's copy).</summary>
        internal static byte[] BuildAcpi2(SyntheticFirmware fw, int fadtLength = 244, byte[] dsdtAml = null)
        {
            fw.Write(Xsdt, SyntheticFirmware.Table("XSDT", 1, SyntheticFirmware.Entries(8, Fadt)));
            fw.Write(Rsdt, SyntheticFirmware.Table("RSDT", 1, SyntheticFirmware.Entries(4, Fadt)));
            fw.Write(Fadt, SyntheticFirmware.Table("FACP", 3, SyntheticFirmware.FadtBody(fadtLength, (uint)Dsdt, Dsdt, 0x604, 0, 0xCF9, 0x06)));
            fw.Write(Dsdt, SyntheticFirmware.Table("DSDT", 1, dsdtAml ?? SyntheticFirmware.S5Aml(5, 5)));
            return SyntheticFirmware.Rsdp(2, (uint)Rsdt, Xsdt);
        }

        private static AcpiTables Discover(SyntheticFirmware fw, byte[] newRsdp, byte[] oldRsdp = null, bool scan = false)
        {
            fixed (byte* n = newRsdp)
            fixed (byte* o = oldRsdp)
                return AcpiTables.Discover(fw, n, newRsdp == null ? 0 : (uint)newRsdp.Length, o, oldRsdp == null ? 0 : (uint)oldRsdp.Length, scan);
        }

        private static string Problems(AcpiTables t) => string.Join("\n", Enumerable.Range(0, t.ProblemCount).Select(t.GetProblem));

        [Fact]
        public void Acpi2MachineGivesPowerOffAndResetRegister()
        {
            using var fw = new SyntheticFirmware();
            AcpiTables t = Discover(fw, BuildAcpi2(fw));
            Assert.Equal(0, t.ProblemCount);
            Assert.Equal(2, t.RsdpRevision);
            Assert.Equal("MYOEM", t.RsdpOemId);
            Assert.Equal(new[] { "XSDT", "FACP", "DSDT" }, Enumerable.Range(0, t.TableCount).Select(i => t.GetTable(i).Signature));
            AcpiTableInfo fadt = t.GetTable(1);
            Assert.Equal(Fadt, fadt.Address);
            Assert.Equal(244u, fadt.Length);
            Assert.Equal(3, fadt.Revision);
            Assert.Equal("MYOEM", fadt.OemId);
            Assert.True(t.CanPowerOff);
            Assert.Equal(0x604, t.Pm1aControlPort);
            Assert.Equal(0, t.Pm1bControlPort);
            Assert.Equal(5, t.SleepTypeA);
            Assert.Equal(5, t.SleepTypeB);
            Assert.True(t.HasResetRegister);
            Assert.Equal(GenericAddress.SystemIo, t.ResetRegister.SpaceId);
            Assert.Equal(0xCF9UL, t.ResetRegister.Address);
            Assert.Equal(6, t.ResetValue);
        }

        [Fact]
        public void Acpi1MachineIsFoundByScanningTheBiosArea()
        {
            using var fw = new SyntheticFirmware();
            fw.Write(Rsdt, SyntheticFirmware.Table("RSDT", 1, SyntheticFirmware.Entries(4, Fadt)));
            fw.Write(Fadt, SyntheticFirmware.Table("FACP", 1, SyntheticFirmware.FadtBody(116, (uint)Dsdt, 0, 0xB004, 0)));
            fw.Write(Dsdt, SyntheticFirmware.Table("DSDT", 1, SyntheticFirmware.S5Aml(0, 0, rootPrefix: true)));
            fw.Write(0xF5A10, SyntheticFirmware.Rsdp(0, (uint)Rsdt, 0));
            AcpiTables t = Discover(fw, null, null, scan: true);
            Assert.Equal("BIOS area at 0xF5A10", t.RsdpSource);
            Assert.True(t.CanPowerOff, Problems(t));
            Assert.Equal(0xB004, t.Pm1aControlPort);
            Assert.False(t.HasResetRegister);   // a revision-1 FADT has none
        }

        [Fact]
        public void BadNewRsdpFallsBackToTheOldOne()
        {
            using var fw = new SyntheticFirmware();
            byte[] newRsdp = BuildAcpi2(fw);
            newRsdp[32] ^= 0xFF;   // extended checksum broken
            AcpiTables t = Discover(fw, newRsdp, SyntheticFirmware.Rsdp(0, (uint)Rsdt, 0));
            Assert.Contains("extended checksum is wrong", Problems(t));
            Assert.Contains("tag 14", t.RsdpSource);
            Assert.Equal("RSDT", t.GetTable(0).Signature);
            Assert.True(t.CanPowerOff);
        }

        [Fact]
        public void BadXsdtFallsBackToTheRsdt()
        {
            using var fw = new SyntheticFirmware();
            byte[] rsdp = BuildAcpi2(fw);
            fw.At(Xsdt)[9] ^= 0x55;   // checksum no longer zero
            AcpiTables t = Discover(fw, rsdp);
            Assert.Contains("XSDT at 0x100000: checksum is wrong", Problems(t));
            Assert.Equal("RSDT", t.GetTable(0).Signature);
            Assert.True(t.CanPowerOff);
        }

        [Fact]
        public void BadXDsdtFallsBackToTheDsdtPointer()
        {
            using var fw = new SyntheticFirmware();
            fw.Write(Xsdt, SyntheticFirmware.Table("XSDT", 1, SyntheticFirmware.Entries(8, Fadt)));
            fw.Write(Fadt, SyntheticFirmware.Table("FACP", 3, SyntheticFirmware.FadtBody(244, (uint)Dsdt2, 0x1FFFF0, 0x604, 0)));
            fw.Write(Dsdt2, SyntheticFirmware.Table("DSDT", 1, SyntheticFirmware.S5Aml(7, 0)));
            AcpiTables t = Discover(fw, SyntheticFirmware.Rsdp(2, 0, Xsdt));
            Assert.Contains("cannot be read", Problems(t));
            Assert.Contains("trying the 32-bit DSDT pointer", Problems(t));
            Assert.True(t.CanPowerOff);
            Assert.Equal(7, t.SleepTypeA);
        }

        [Theory]
        [InlineData(0u)]            // shorter than a header
        [InlineData(0xFFFFFFFFu)]   // garbage length
        [InlineData(0x1FF000u)]     // runs past readable memory
        public void ImpossibleTableLengthsAreRefused(uint length)
        {
            using var fw = new SyntheticFirmware();
            byte[] rsdp = BuildAcpi2(fw);
            BitConverter.GetBytes(length).CopyTo(new Span<byte>(fw.At(Fadt) + 4, 4));
            AcpiTables t = Discover(fw, rsdp);
            Assert.False(t.HasFadt);
            Assert.False(t.CanPowerOff);
            Assert.Contains("FACP at 0x102000", Problems(t));
            Assert.Contains("no valid FADT", Problems(t));
        }

        [Fact]
        public void ShortFadtIsNotUsed()
        {
            using var fw = new SyntheticFirmware();
            AcpiTables t = Discover(fw, BuildAcpi2(fw, fadtLength: 100));
            Assert.False(t.HasFadt);
            Assert.Contains("too short for a FADT", Problems(t));
        }

        [Fact]
        public void S5AtTheVeryEndOfTheDsdtIsBoundsChecked()
        {
            using var fw = new SyntheticFirmware();
            byte[] aml = SyntheticFirmware.S5Aml(5, 5);
            byte[] cut = aml.AsSpan(0, aml.Length - 5).ToArray();   // package cut off by the table's end
            AcpiTables t = Discover(fw, BuildAcpi2(fw, dsdtAml: cut));
            Assert.False(t.HasSleepS5);
            Assert.Contains("runs past the end of the DSDT", Problems(t));
        }

        [Fact]
        public void MissingS5MeansNoAcpiPowerOff()
        {
            using var fw = new SyntheticFirmware();
            AcpiTables t = Discover(fw, BuildAcpi2(fw, dsdtAml: new byte[] { 0x08, 0x5F, 0x53, 0x34, 0x5F, 0x12, 0x06, 0x04, 0, 0, 0, 0 }));
            Assert.False(t.CanPowerOff);
            Assert.Contains("no _S5_ object in the DSDT", Problems(t));
        }

        [Fact]
        public void NoRsdpAnywhereSaysSo()
        {
            using var fw = new SyntheticFirmware();
            AcpiTables t = Discover(fw, null, null, scan: true);
            Assert.Null(t.RsdpSource);
            Assert.Equal("no valid RSDP found: ACPI is not used", Problems(t));
        }

        [Fact]
        public void NullRootEntryIsSkipped()
        {
            using var fw = new SyntheticFirmware();
            fw.Write(Xsdt, SyntheticFirmware.Table("XSDT", 1, SyntheticFirmware.Entries(8, 0, Fadt)));
            fw.Write(Fadt, SyntheticFirmware.Table("FACP", 3, SyntheticFirmware.FadtBody(244, (uint)Dsdt, 0, 0x604, 0)));
            fw.Write(Dsdt, SyntheticFirmware.Table("DSDT", 1, SyntheticFirmware.S5Aml(5, 5)));
            AcpiTables t = Discover(fw, SyntheticFirmware.Rsdp(2, 0, Xsdt));
            Assert.Contains("XSDT entry 0 is a null pointer", Problems(t));
            Assert.True(t.CanPowerOff);
        }

        [Fact]
        public void RandomCorruptionNeverFaults()
        {
            var random = new Random(17);
            for (int round = 0; round < 3000; round++)
            {
                using var fw = new SyntheticFirmware();
                byte[] rsdp = BuildAcpi2(fw);
                ulong[] targets = { Xsdt, Rsdt, Fadt, Dsdt };
                for (int flips = random.Next(1, 6); flips > 0; flips--)
                {
                    if (random.Next(8) == 0)
                        rsdp[random.Next(rsdp.Length)] = (byte)random.Next(256);
                    else
                        fw.At(targets[random.Next(targets.Length)])[random.Next(260)] = (byte)random.Next(256);
                }
                AcpiTables t = Discover(fw, rsdp, null, scan: random.Next(2) == 0);
                // Whatever survived is consistent: power-off only with a port and a sleep type.
                Assert.True(!t.CanPowerOff || t.Pm1aControlPort != 0 && t.HasSleepS5);
                Assert.True(t.ProblemCount <= AcpiTables.MaxProblems && t.TableCount <= AcpiTables.MaxTables);
            }
        }
    }
}
