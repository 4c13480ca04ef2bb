using System;
using MyOS.Tests.VirtualMachines;
using Xunit;
using Xunit.Abstractions;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// .NET's Console.ReadLine in the kernel, typed over serial as a user would: the boot option
    /// test=readline makes the kernel read one line before the shell starts. The line is typed
    /// with a typo and a Backspace, and a Left arrow, which CoreLib's own line editor (it edits
    /// with Backspace only) must drop whole rather than turn into text.
    /// </summary>
    [Collection(VirtualMachineCollection.Name)]
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    [Trait(TestTraits.KernelFeature, TestTraits.BootOptions)]
    public sealed class ConsoleReadLineTests
    {
        private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(30);
        private readonly Action<string> _log;

        public ConsoleReadLineTests(ITestOutputHelper output) => _log = output.WriteLine;

        [Fact]
        public void ReadLine_ReturnsTheTypedLine_ThenTheShellStarts()
        {
            using VirtualMachine vm = TestMachines.Start(_log, VirtualMachineKind.Qemu, TimeSpan.FromSeconds(90),
                kernelArguments: "test=readline");
            vm.Serial.WaitFor("type a line> ", s_limit);

            vm.Serial.Send("hello, kernel!\b?\u001b[D there\r");

            string answer = vm.Serial.WaitForLine(line => line.StartsWith("Console.ReadLine returned", StringComparison.Ordinal),
                "Console.ReadLine's answer", s_limit);
            Assert.Equal("Console.ReadLine returned \"hello, kernel? there\" (20 characters)", answer.TrimEnd('\r'));
            vm.Serial.WaitForPrompt(s_limit);
            Assert.Contains("help", string.Join("\n", vm.Serial.RunCommand("help", s_limit)));
        }
    }
}
