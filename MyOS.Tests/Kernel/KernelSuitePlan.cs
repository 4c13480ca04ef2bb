using System.Collections.Generic;
using System.Linq;
using MyOS.Tests.VirtualMachines;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// Which configurations the current run needs booted, in the order to boot them. The case
    /// orderer sees the test cases left after `--filter` and records their configurations here;
    /// the fixture then boots exactly those, so a filtered run boots only what it tests.
    /// Static because xunit creates the orderer and the fixture separately and gives neither the other.
    /// </summary>
    public static class KernelSuitePlan
    {
        private static readonly object s_gate = new object();
        private static readonly List<VmConfiguration> s_planned = new List<VmConfiguration>();

        /// <summary>Adds <paramref name="configurations"/> not yet planned, keeping the order.</summary>
        public static void Add(IEnumerable<VmConfiguration> configurations)
        {
            lock (s_gate)
            {
                foreach (VmConfiguration configuration in configurations)
                {
                    if (!s_planned.Contains(configuration))
                        s_planned.Add(configuration);
                }
            }
        }

        /// <summary>The configurations planned so far, in boot order.</summary>
        public static IReadOnlyList<VmConfiguration> Planned { get { lock (s_gate) return s_planned.ToArray(); } }

        /// <summary>
        /// Longest boots first (Bochs, then QEMU by falling RAM: the page exhaustion test touches
        /// every page; at equal RAM, UEFI's slower start first), so that with two VMs at a time both
        /// slots finish at about the same moment.
        /// </summary>
        public static IEnumerable<VmConfiguration> InBootOrder(IEnumerable<VmConfiguration> configurations) =>
            configurations.OrderBy(configuration => configuration.Kind == VirtualMachineKind.Bochs ? 0 : 1)
                          .ThenByDescending(configuration => configuration.MemoryMiB)
                          .ThenByDescending(configuration => configuration.Firmware == Firmware.Uefi);
    }
}
