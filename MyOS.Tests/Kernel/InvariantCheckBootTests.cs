using MyOS.Core.Memory.Heap;
using MyOS.Tests.VirtualMachines;
using Xunit;
using Xunit.Abstractions;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// The debug checks in the running kernel (verify=1): the boot option test=heap-corrupt
    /// flips a bit of a heap block's header and frees the block before it; with verify=1 that
    /// is a panic naming the broken invariant and where, without it the boot goes on.
    /// </summary>
    [Collection(VirtualMachineCollection.Name)]
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    [Trait(TestTraits.KernelFeature, TestTraits.BootOptions)]
    public sealed class InvariantCheckBootTests
    {
        private readonly System.Action<string> _log;

        public InvariantCheckBootTests(ITestOutputHelper output) => _log = output.WriteLine;

        [Fact]
        public void Verify_ABrokenHeapHeaderIsAPanicNamingIt()
        {
            string report = TestMachines.PanicReport(_log, "verify=1 test=heap-corrupt");

            Assert.Contains("exception: broken invariant (verify=1)", report);
            Assert.Contains("invariant: heap, heap check status " + (int)HeapCheckStatus.HeaderCorrupted, report);
            Assert.Matches(@"at: (0x)?[0-9A-Fa-f]{16}", report);
            Assert.DoesNotContain("went unnoticed", report);
        }
    }
}
