using System;
using System.Collections.Generic;
using System.Diagnostics;
using MyOS.Tests.VirtualMachines;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// The names of the in-kernel tests, asked of the kernel itself (`test list`) in one short QEMU
    /// boot, once per test process, while xunit discovers the test cases. A kernel test added to
    /// MyOS/Diagnostics/KernelTestSuite.cs thus becomes a `dotnet test` case with no change here.
    /// </summary>
    public static class KernelTestDiscovery
    {
        /// <summary>The name of the single test case that stands in for all when discovery failed; it fails with <see cref="Error"/>.</summary>
        public const string FailedPlaceholder = "(kernel test discovery failed)";

        private static readonly VmConfiguration s_configuration = VmConfiguration.Find("qemu-128MiB");
        private static readonly Lazy<Discovered> s_discovered = new Lazy<Discovered>(Discover);

        private sealed record Discovered(IReadOnlyList<string> Names, string Error, TimeSpan Elapsed);

        /// <summary>The kernel's tests in run order; empty if discovery failed.</summary>
        public static IReadOnlyList<string> Names => s_discovered.Value.Names;

        /// <summary>Why discovery failed, with the transcript; null if it worked.</summary>
        public static string Error => s_discovered.Value.Error;

        /// <summary>How long the discovery boot took, VM start to stop.</summary>
        public static TimeSpan Elapsed => s_discovered.Value.Elapsed;

        private static Discovered Discover()
        {
            Stopwatch clock = Stopwatch.StartNew();
            VirtualMachine vm = null;
            try
            {
                vm = VirtualMachine.Start(new VirtualMachineOptions
                {
                    Kind = s_configuration.Kind,
                    MemoryMiB = s_configuration.MemoryMiB,
                    Deadline = s_configuration.BootLimit + 2 * s_configuration.CommandLimit,
                });
                vm.WaitForBoot(s_configuration.BootLimit);
                IReadOnlyList<string> names = KernelTestOutput.ParseList(vm.Serial.RunCommand("test list", s_configuration.CommandLimit));
                vm.Shutdown(s_configuration.CommandLimit);
                return names.Count > 0
                    ? new Discovered(names, null, clock.Elapsed)
                    : new Discovered(names, $"`test list` in {s_configuration.Description} named no tests:\n{vm.Transcript}", clock.Elapsed);
            }
            catch (Exception e)
            {
                // Discovery must not throw: xunit would then drop the theory without a clear failure.
                string transcript = vm?.Transcript;
                return new Discovered(Array.Empty<string>(),
                    $"Booting {s_configuration.Description} to read `test list` failed: {e.Message}" +
                    (transcript != null && !e.Message.Contains("serial transcript") ? $"\n--- serial transcript ---\n{transcript}" : ""),
                    clock.Elapsed);
            }
            finally
            {
                vm?.Dispose();
            }
        }
    }
}
