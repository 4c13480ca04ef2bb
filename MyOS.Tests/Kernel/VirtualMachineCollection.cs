using Xunit;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// The collection every virtual-machine test belongs to. Its tests run one at a time and after
    /// the host tests, with nothing else in parallel: each emulator keeps a core busy, the machine
    /// has two, and boot times are only comparable when a VM has a core to itself.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class VirtualMachineCollection
    {
        /// <summary>The collection's name, for [Collection(VirtualMachineCollection.Name)].</summary>
        public const string Name = "Virtual machines";
    }
}
