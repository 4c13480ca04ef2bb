using System.Linq;
using Xunit;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// The pinned list of in-kernel tests against the kernel's own `test list` (one discovery
    /// boot, shared with <see cref="KernelSuiteTests"/>): the same names in the same order.
    /// </summary>
    [Collection(VirtualMachineCollection.Name)]
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    [Trait(TestTraits.KernelFeature, TestTraits.Shell)]
    public sealed class KernelTestNamesTests
    {
        [Fact]
        public void TheKernelListsExactlyThePinnedTests_InOrder()
        {
            Assert.True(KernelTestDiscovery.Error == null, KernelTestDiscovery.Error);

            string[] missing = KernelTestNames.Expected.Except(KernelTestDiscovery.Names).ToArray();
            string[] unpinned = KernelTestDiscovery.Names.Except(KernelTestNames.Expected).ToArray();
            Assert.True(missing.Length == 0 && unpinned.Length == 0,
                $"`test list` and KernelTestNames.Expected differ: missing from the kernel: {string.Join(", ", missing)}; " +
                $"not pinned: {string.Join(", ", unpinned)}");
            Assert.Equal(KernelTestNames.Expected, KernelTestDiscovery.Names);
        }
    }
}
