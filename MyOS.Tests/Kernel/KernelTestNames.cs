using System.Collections.Generic;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// The in-kernel tests the host side expects, pinned here by name in run order. The kernel's
    /// own `test list` (<see cref="KernelTestDiscovery"/>) must name exactly these: a test dropped
    /// from MyOS/Diagnostics/KernelTestSuite.cs fails its cases in every VM instead of vanishing
    /// from the run, and a test added there fails until it is added here.
    /// </summary>
    public static class KernelTestNames
    {
        /// <summary>Every in-kernel test, in the order KernelTestSuite.CreateAll runs them.</summary>
        public static readonly IReadOnlyList<string> Expected = new[]
        {
            "console.number-formatting",
            "pages.contiguous-runs",
            "pages.exhaust-pattern-restore",
            "heap.stress-100k",
            "heap.reuse-bounded-growth",
            "runtime.dispatch",
            "runtime.casts",
            "runtime.generics",
            "runtime.switch-strings",
            "runtime.statics",
            "runtime.strings",
            "runtime.numbers",
            "runtime.arrays-spans",
            "runtime.collections",
            "runtime.delegates",
            "runtime.console",
            "firmware.acpi-and-boot-tags",
            "paging.kernel-mappings",
            "timer.pit-ticks",
            "boot.command-line",
            "csharp.linq",
            "csharp.iterators",
            "csharp.delegates-records",
            "csharp.formatting",
            "csharp.collections",
            "csharp.types-time",
            "csharp.console-readline",
            "gc.survivors",
            "gc.reclaims-garbage",
            "gc.weak-references",
            "gc.finalizers",
            "exceptions.clauses",
            "exceptions.filters",
            "exceptions.finally-order",
            "exceptions.nested",
            "exceptions.unwind",
            "exceptions.faults-and-corelib",
            "exceptions.stack-trace",
        };

        /// <summary>
        /// The pinned names, then any name the kernel listed that is not pinned (in the kernel's
        /// order): the cases to run, so that a name missing on either side still gets a case that fails.
        /// </summary>
        public static IReadOnlyList<string> PinnedAndListed(IReadOnlyList<string> listed)
        {
            var names = new List<string>(Expected);
            foreach (string name in listed)
            {
                if (!names.Contains(name))
                {
                    names.Add(name);
                }
            }
            return names;
        }

        /// <summary>Why <paramref name="name"/> cannot pass whatever the kernel says: listed on one side only; null when on both.</summary>
        public static string Mismatch(string name, IReadOnlyList<string> listed)
        {
            bool pinned = ((ICollection<string>)Expected).Contains(name);
            bool inKernel = ((ICollection<string>)listed).Contains(name);
            if (pinned && !inKernel)
            {
                return $"the kernel's `test list` no longer names {name}, which MyOS.Tests/Kernel/KernelTestNames.cs expects: was it dropped from KernelTestSuite.CreateAll?";
            }
            if (!pinned && inKernel)
            {
                return $"the kernel runs {name}, which MyOS.Tests/Kernel/KernelTestNames.cs does not pin: add it to KernelTestNames.Expected";
            }
            return null;
        }
    }
}
