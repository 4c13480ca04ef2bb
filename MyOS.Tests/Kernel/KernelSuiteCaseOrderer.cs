using System;
using System.Collections.Generic;
using System.Linq;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// Orders the kernel suite's cases by configuration in boot order (see <see cref="KernelSuitePlan"/>),
    /// then kernel tests in the kernel's own order, so results appear in the order the VMs produce
    /// them; and records the configurations the cases need in <see cref="KernelSuitePlan"/>.
    /// </summary>
    public sealed class KernelSuiteCaseOrderer : ITestCaseOrderer
    {
        /// <summary>For [TestCaseOrderer(TypeName, AssemblyName)].</summary>
        public const string TypeName = "MyOS.Tests.Kernel.KernelSuiteCaseOrderer";

        /// <summary>For [TestCaseOrderer(TypeName, AssemblyName)].</summary>
        public const string AssemblyName = "MyOS.Tests";

        /// <inheritdoc/>
        public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase
        {
            List<TTestCase> cases = testCases.ToList();
            List<VmConfiguration> order = KernelSuitePlan.InBootOrder(
                cases.Select(testCase => Configuration(testCase)).Where(configuration => configuration != null).Distinct()).ToList();
            KernelSuitePlan.Add(order);
            IReadOnlyList<string> names = KernelTestDiscovery.Names;
            return cases.OrderBy(testCase => Configuration(testCase) is VmConfiguration configuration ? order.IndexOf(configuration) : -1)
                        .ThenBy(testCase => KernelTestName(testCase) is string name ? IndexIn(names, name) : -1)
                        .ThenBy(testCase => testCase.DisplayName, StringComparer.Ordinal);
        }

        // Every case of the class takes the configuration id first; a case whose data was not
        // enumerated at discovery has no arguments and is booted on demand instead.
        private static VmConfiguration Configuration(ITestCase testCase) =>
            testCase.TestMethodArguments is { Length: > 0 } arguments && arguments[0] is string id &&
            VmConfiguration.Matrix.Any(configuration => configuration.Id == id) ? VmConfiguration.Find(id) : null;

        private static string KernelTestName(ITestCase testCase) =>
            testCase.TestMethodArguments is { Length: > 1 } arguments ? arguments[1] as string : null;

        private static int IndexIn(IReadOnlyList<string> names, string name)
        {
            for (int i = 0; i < names.Count; i++)
            {
                if (names[i] == name)
                    return i;
            }

            return names.Count;
        }
    }
}
