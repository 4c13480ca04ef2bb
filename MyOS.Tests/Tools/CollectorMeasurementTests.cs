using MyOS.Tools.Performance;
using Xunit;

namespace MyOS.Tests.Tools
{
    /// <summary>The report reads the collector benchmark's lines (test=gc-pause) into numbers, and says so when there are none.</summary>
    public sealed class CollectorMeasurementTests
    {
        private const string Output =
            "Boot option test=... given: running a test-only kernel path.\r\n" +
            "gc-pause: 1000 live nodes, 1019 objects (66216 bytes) live: best of 5 pauses 1794 us\r\n" +
            "gc-pause: 10000 live nodes, 10019 objects (642696 bytes) live: best of 5 pauses 7760 us\r\n" +
            "gc-churn: 1000000 allocations of 32-byte objects, 10000 live: 3029364 us, 330102 allocations/s, 40 collections taking 1391597 us\r\n";

        [Fact]
        public void Parse_ReadsEveryPauseAndTheChurn()
        {
            CollectorMeasurement.Result result = CollectorMeasurement.Parse(Output, 128);

            Assert.Null(result.Error);
            Assert.Equal(new[] { new CollectorMeasurement.Pause(1000, 1019, 66216, 1794), new CollectorMeasurement.Pause(10000, 10019, 642696, 7760) },
                result.Pauses);
            Assert.Equal(new CollectorMeasurement.Churn(1_000_000, 10_000, 3_029_364, 330_102, 40, 1_391_597), result.Churn);
        }

        [Fact]
        public void Parse_WithoutPauseLines_GivesAnError()
        {
            CollectorMeasurement.Result result = CollectorMeasurement.Parse("KERNEL PANIC\n", 128);

            Assert.Empty(result.Pauses);
            Assert.Null(result.Churn);
            Assert.NotNull(result.Error);
        }
    }
}
