using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MyOS.Tests.VirtualMachines;
using Xunit;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// The linked kernel (MyOS/obj/kernel/myos.elf, with its symbols) against what CoreLib asks
    /// of its runtime: every symbol resolves at link time, and the calls MyOS cannot honour yet
    /// are the ones listed here, each with its reason. They exist and stop the kernel with a
    /// panic report that names them (MyOS.Runtime), so a new one has to be added here on purpose.
    /// </summary>
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    public sealed class RuntimeExportTests
    {
        /// <summary>Symbols that panic when called, and why they cannot do better yet.</summary>
        public static readonly IReadOnlyDictionary<string, string> NotYetHonoured = new Dictionary<string, string>
        {
            ["SystemNative_LowLevelMonitor_Wait"] = "a wait without a time-out on the only thread could never end",
            ["SystemNative_Abort"] = "CoreLib aborts only when it cannot go on: the panic report is the abort",
            ["RhpFallbackFailFast"] = "CoreLib's last resort when failing fast itself fails",
        };

        private static string KernelElf => Path.Combine(RepositoryLocator.Root, "MyOS", "obj", "kernel", "myos.elf");

        private static List<(string Type, string Name)> Symbols()
        {
            Assert.True(File.Exists(KernelElf), $"{KernelElf} is missing: build the kernel first (dotnet build MyOS/MyOS.csproj)");
            string output = ExternalCommand.Run("nm", new[] { KernelElf }, TimeSpan.FromSeconds(60));
            var symbols = new List<(string, string)>();
            foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 2)
                    symbols.Add((parts[^2], parts[^1]));
            }
            return symbols;
        }

        [Fact]
        public void EverySymbolResolvesAtLinkTime()
        {
            List<(string Type, string Name)> symbols = Symbols();
            Assert.Contains(symbols, s => s.Name == "InitializeModules");
            Assert.Empty(symbols.Where(s => s.Type == "U" || s.Type == "w").Select(s => s.Name));
        }

        [Fact]
        public void TheCallsNotHonouredYet_AreDefined_AndListed()
        {
            HashSet<string> defined = Symbols().Where(s => s.Type == "T" || s.Type == "t").Select(s => s.Name).ToHashSet();
            foreach (string name in NotYetHonoured.Keys)
                Assert.True(defined.Contains(name), $"{name} ({NotYetHonoured[name]}) is not in the kernel");
            // An entry that only panics may name itself through a NotYet("...") helper: it must be listed.
            string runtime = Path.Combine(RepositoryLocator.Root, "MyOS.Runtime");
            IEnumerable<string> notYet = Directory.EnumerateFiles(runtime, "*.cs", SearchOption.AllDirectories)
                .SelectMany(file => Regex.Matches(File.ReadAllText(file), @"NotYet(?:Pointer)?\(""(\w+)""\)").Select(match => match.Groups[1].Value));
            foreach (string name in notYet)
                Assert.True(NotYetHonoured.ContainsKey(name), $"{name} panics but is not listed in {nameof(NotYetHonoured)} with its reason");
        }
    }
}
