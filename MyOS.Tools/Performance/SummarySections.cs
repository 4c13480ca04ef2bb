using System.Text;

namespace MyOS.Tools.Performance
{
    /// <summary>The page's opening (how it was made, the noise) and the machine it was measured on.</summary>
    public static class SummarySections
    {
        /// <summary>How the numbers were made, and how much to trust them.</summary>
        public static string Introduction(ReportData data)
        {
            MachineInfo machine = data.Machine;
            var md = new StringBuilder();
            md.AppendLine("Every number in the generated sections of this page (between `<!-- generated: ... -->` markers) was measured by " +
                "one command, which also wrote those sections and the plots:").AppendLine();
            md.AppendLine("```").AppendLine("MyOS.Build/scripts/performance-report.sh").AppendLine("```").AppendLine();
            md.AppendLine("It runs `MyOS.Tools performance-report` (C#): it builds and runs every host benchmark class of `MyOS.Benchmarks` " +
                "(BenchmarkDotNet), the heap efficiency and placement check, builds the kernel, and boots it through the test runner's " +
                "VM driver (`MyOS.Tests/VirtualMachines`): QEMU pc (boot time, then the shell's `bench`), Bochs, QEMU q35, and QEMU pc and " +
                "q35 under OVMF (boot times); then it rewrites the generated sections and draws the plots with ScottPlot. Sections outside " +
                "the markers were measured by hand and say so; the command keeps them as they are. Raw output stays in " +
                "`artifacts/performance/` (not in git); `performance-report.sh --render-only` rewrites the page from it.").AppendLine();
            md.AppendLine("**Noise.** The machine is shared: other engineers build, test and run VMs on the same two cores at the same time, " +
                "and each case gets 1 launch, 2 warm-up and 15 measured iterations of 100 ms to keep the whole run short. Every time below is " +
                "the **median** of those 15 iterations (more robust to a neighbour's burst than the mean; the mean is in the raw output). " +
                "Single cases move by up to 2x between runs; compare columns within one run (each case runs in its own process, one after " +
                $"another, so a burst of load hits one case and not its neighbours). Load average: {machine?.LoadBefore ?? "?"} before, " +
                $"{machine?.LoadAfter ?? "?"} after the host benchmarks. The ± column is the standard deviation of the 15 iterations.");
            return md.ToString();
        }

        /// <summary>The machine table.</summary>
        public static string Machine(ReportData data)
        {
            MachineInfo m = data.Machine;
            if (m == null)
                return "## Machine\n\nNot recorded (no machine.json in this run's data).";
            var md = new StringBuilder();
            md.AppendLine("## Machine").AppendLine();
            md.AppendLine("| | |").AppendLine("| --- | --- |");
            md.AppendLine($"| CPU | {m.Cpu}, {m.Cores} logical cores, cache {m.Cache}" +
                (m.Hypervisor ? " (a virtual machine: /proc/cpuinfo has the hypervisor flag)" : "") + " |");
            md.AppendLine($"| memory | {m.Memory} |");
            md.AppendLine($"| OS | {m.OperatingSystem} (kernel {m.Kernel}) |");
            md.AppendLine($"| .NET | SDK {m.DotnetSdk}, runtime {data.Benchmarks.Runtime}, {data.Benchmarks.Architecture}, RyuJIT, Release |");
            md.AppendLine($"| virtual machines | {m.Qemu}; {m.Bochs} |");
            md.AppendLine($"| date | {m.Date}; the whole measuring run took {m.RunMinutes} min |");
            return md.ToString();
        }
    }
}
