using System.Linq;
using MyOS.Tests.VirtualMachines;
using Xunit;

namespace MyOS.Tests.Kernel
{
    /// <summary>The one parser of the shell's `bench` table (the VM test and the performance report read it).</summary>
    public sealed class BenchReportTests
    {
        // As QEMU printed it (2026-12-02), with the echoed command, the header and the prompt.
        private const string Output =
            "bench\r\n" +
            "workload                          ours  baseline  baseline/ours (cycles per alloc+free)\r\n" +
            "pages, 1 page, empty 64 MiB map      1816     4507  x2.4\r\n" +
            "pages, 8 pages, 50% taken           16050    17526  x1.0\r\n" +
            "pages, 64 pages, 50% taken           2788   225725  x80.9\r\n" +
            "heap, 4..1000 B, 1000 live           7398    11761  x1.5\r\n" +
            "heap, 4..1000 B, 10000 live         13805   393560  x28.5\r\n" +
            "> ";

        [Fact]
        public void Parse_ReadsEveryRow_AndSkipsTheRest()
        {
            BenchReport report = BenchReport.Parse(Output);

            Assert.Equal(5, report.Rows.Count);
            Assert.Equal(new BenchReport.Row("pages, 64 pages, 50% taken", 2788, 225725, 809), report.Rows[2]);
            Assert.Equal(new BenchReport.Row("heap, 4..1000 B, 10000 live", 13805, 393560, 285), report.Rows[4]);
            Assert.Equal(new[] { "pages", "pages", "pages", "heap", "heap" }, report.Rows.Select(r => r.Allocator));
            Assert.Equal(2, report.Of("heap").Count());
        }

        [Theory]
        [InlineData("pages, 1 page  1816 4507 x2")]         // ratio without its tenths
        [InlineData("pages, 1 page  1816 x2.4")]            // a number missing
        [InlineData("error: unknown command 'bench'")]
        [InlineData("pages, 1 page  -5  4507  x2.4")]       // not a count
        public void Parse_IgnoresLinesThatAreNotRows(string line)
        {
            Assert.Empty(BenchReport.Parse(line).Rows);
        }
    }
}
