using System;
using MyOS.Tests.VirtualMachines;
using Xunit;

namespace MyOS.Tests.Kernel
{
    /// <summary>The runner's helpers that need no VM: grub.cfg editing, process identity, finding the repository.</summary>
    public sealed class RunnerHelperTests
    {
        private const string GrubConfig =
            "set timeout=0\nmenuentry \"MyOS\" {\n    multiboot2 /boot/myos.elf serial=true\n    boot\n}\n";

        [Fact]
        public void AppendKernelArguments_ExtendsTheMultiboot2LineOnly()
        {
            string edited = KernelIsoVariants.AppendKernelArguments(GrubConfig, "  test=hang   mem=64M ");

            Assert.Equal(GrubConfig.Replace("serial=true", "serial=true test=hang mem=64M"), edited);
        }

        [Fact]
        public void AppendKernelArguments_RefusesWhatGrubWouldInterpret_AndConfigsWithoutMultiboot2()
        {
            Assert.Throws<ArgumentException>(() => KernelIsoVariants.AppendKernelArguments(GrubConfig, "test=$x"));
            Assert.Throws<ArgumentException>(() => KernelIsoVariants.AppendKernelArguments(GrubConfig, "a\"b"));
            Assert.Throws<InvalidOperationException>(() => KernelIsoVariants.AppendKernelArguments("set timeout=0\n", "test=hang"));
        }

        [Fact]
        public void ProcessProbe_KnowsAProcessByIdAndStartTime()
        {
            int self = Environment.ProcessId;
            ulong? started = ProcessProbe.StartTime(self);

            Assert.NotNull(started);
            Assert.True(ProcessProbe.IsAlive(self, started.Value));
            Assert.False(ProcessProbe.IsAlive(self, started.Value + 1)); // same id, other start: another process
            Assert.Null(ProcessProbe.StartTime(int.MaxValue));
            Assert.False(string.IsNullOrEmpty(ProcessProbe.ExecutableName(self)));
        }

        [Fact]
        public void RepositoryLocator_FindsTheFolderWithCosmosConfig()
        {
            Assert.True(System.IO.File.Exists(System.IO.Path.Combine(RepositoryLocator.Root, "Cosmos.config")) ||
                        System.IO.File.Exists(System.IO.Path.Combine(RepositoryLocator.Root, "MyOS.sln")));
        }
    }
}
