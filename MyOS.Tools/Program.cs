using System;
using System.Globalization;
using System.Linq;
using MyOS.Tests.VirtualMachines;
using MyOS.Tools.Launch;
using MyOS.Tools.Performance;

namespace MyOS.Tools
{
    /// <summary>
    /// MyOS's tooling, one program with two commands:
    /// `vm-command [qemu|qemu-uefi|bochs] [--debug]` prints the VM command line ./run.sh execs;
    /// `performance-report [--render-only]` measures everything and rewrites docs/performance.md
    /// and docs/plots (MyOS.Build/scripts/performance-report.sh runs it).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            // The report's numbers and dates read the same on every machine.
            CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            string root = RepositoryLocator.Root;
            string[] rest = args.Skip(1).ToArray();
            switch (args.FirstOrDefault())
            {
                case "vm-command":
                    return InteractiveVmCommand.Run(root, rest);
                case "performance-report":
                    if (rest.Length > 1 || (rest.Length == 1 && rest[0] != "--render-only"))
                        break;
                    return PerformanceReport.Run(root, renderOnly: rest.Length == 1);
            }
            Console.Error.WriteLine("usage: MyOS.Tools vm-command [qemu|qemu-uefi|bochs] [--debug]\n" +
                                    "       MyOS.Tools performance-report [--render-only]");
            return 2;
        }
    }
}
