using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MyOS.Tests.VirtualMachines;

namespace MyOS.Tools.Performance
{
    /// <summary>The machine a report was measured on, and how loaded it was; "?" for what could not be read.</summary>
    public sealed record MachineInfo(string Cpu, bool Hypervisor, int Cores, string Cache, string Memory, string OperatingSystem, string Kernel,
        string DotnetSdk, string Qemu, string Bochs, string LoadBefore, string LoadAfter, string Date, double RunMinutes)
    {
        /// <summary>Reads /proc, /etc/os-release and the tools' versions now.</summary>
        public static MachineInfo Collect(string loadBefore, string loadAfter, DateTime started)
        {
            string memoryKiB = First(@"MemTotal:\s+(\d+)", "/proc/meminfo");
            return new MachineInfo(
                First(@"model name\s*:\s*(.*)", "/proc/cpuinfo"),
                First(@"^flags\s*:(.*)", "/proc/cpuinfo").Split(' ').Contains("hypervisor"),
                Environment.ProcessorCount,
                First(@"cache size\s*:\s*(.*)", "/proc/cpuinfo"),
                long.TryParse(memoryKiB, out long kib) ? Format.Fixed(kib / 1048576.0, 1) + " GiB" : "?",
                First("PRETTY_NAME=\"?([^\"]*)", "/etc/os-release"),
                Tool("uname", "-r"),
                Tool("dotnet", "--version"),
                Tool(QemuMachine.Executable, "--version").Split('\n')[0],
                "Bochs " + Tool("dpkg-query", "-W", "-f", "${Version}", "bochs"),
                loadBefore, loadAfter,
                DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC",
                Math.Round((DateTime.UtcNow - started).TotalMinutes, 1));
        }

        /// <summary>The load averages (1, 5, 15 min) now, "?" if unknown.</summary>
        public static string LoadAverage()
        {
            try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
            catch (IOException) { return "?"; }
        }

        private static string First(string pattern, string path)
        {
            try
            {
                foreach (string line in File.ReadLines(path))
                {
                    Match match = Regex.Match(line, pattern);
                    if (match.Success)
                        return match.Groups[1].Value.Trim();
                }
            }
            catch (IOException) { }
            return "?";
        }

        private static string Tool(string program, params string[] arguments)
        {
            try { return ExternalCommand.Run(program, arguments, TimeSpan.FromSeconds(30)).Trim(); }
            catch (Exception e) when (e is InvalidOperationException || e is TimeoutException) { return "?"; }
        }
    }
}
