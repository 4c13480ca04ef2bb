using System;
using System.Linq;
using MyOS.Tests.VirtualMachines;
using Xunit;

namespace MyOS.Tests.Kernel
{
    /// <summary>Starts the VMs the kernel tests use.</summary>
    internal static class TestMachines
    {
        /// <summary>Boots the repository's ISO in <paramref name="kind"/>; the VM is killed at <paramref name="deadline"/> whatever happens.</summary>
        public static VirtualMachine Start(Action<string> log, VirtualMachineKind kind, TimeSpan deadline,
            int memoryMiB = 128, string kernelArguments = "") =>
            VirtualMachine.Start(new VirtualMachineOptions
            {
                Kind = kind,
                MemoryMiB = memoryMiB,
                KernelArguments = kernelArguments,
                Deadline = deadline,
                Log = log,
            });

        /// <summary>Boots the ISO and waits for the prompt (30 s in QEMU, 60 s in Bochs), ready for commands.</summary>
        public static VirtualMachine StartAtPrompt(Action<string> log, VirtualMachineKind kind = VirtualMachineKind.Qemu,
            int memoryMiB = 128, TimeSpan? deadline = null, string kernelArguments = "")
        {
            TimeSpan bootLimit = TimeSpan.FromSeconds(kind == VirtualMachineKind.Bochs ? 60 : 30);
            VirtualMachine vm = Start(log, kind, deadline ?? bootLimit + TimeSpan.FromSeconds(60), memoryMiB, kernelArguments);
            try
            {
                vm.WaitForBoot(bootLimit);
                return vm;
            }
            catch
            {
                vm.Dispose();
                throw;
            }
        }

        /// <summary>The page allocator's lines of `meminfo` (totals and largest free run), which a command that changes no pages leaves as they are.</summary>
        public static string MemInfoPageLines(VirtualMachine vm, TimeSpan limit) =>
            string.Join("\n", vm.Serial.RunCommand("meminfo", limit).Where(l => l.StartsWith("pages") || l.StartsWith("largest free run")));

        /// <summary>
        /// Boots QEMU with boot options that make the kernel fail on purpose and returns the panic
        /// report, from its header through "System halted." (30 s to get there).
        /// </summary>
        public static string PanicReport(Action<string> log, string kernelArguments)
        {
            TimeSpan limit = TimeSpan.FromSeconds(30);
            using VirtualMachine vm = Start(log, VirtualMachineKind.Qemu, limit + TimeSpan.FromSeconds(10),
                kernelArguments: kernelArguments);
            string output = vm.Serial.WaitFor(KernelSuiteRunner.PanicEnd, limit);
            int header = output.IndexOf(KernelSuiteRunner.PanicHeader, StringComparison.Ordinal);
            Assert.True(header >= 0, $"\"{KernelSuiteRunner.PanicEnd}\" came without \"{KernelSuiteRunner.PanicHeader}\" before it:\n{vm.Transcript}");
            return output.Substring(header);
        }
    }
}
