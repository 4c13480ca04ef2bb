using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using MyOS.Tests.VirtualMachines;
using Xunit;
using Xunit.Abstractions;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// Source-level debugging as README's "Debugging" section describes it: QEMU paused with its
    /// gdb stub, gdb (batch mode) with MyOS.Build/gdb/myos.gdb and the build's iso/myos.elf.
    /// Breakpoints by method name and by C# file:line in the echo command are hit when `echo hi`
    /// is typed on serial; the backtrace names C# methods and .cs lines; arguments print; and
    /// the command finishes once gdb lets the kernel go on.
    /// </summary>
    [Collection(VirtualMachineCollection.Name)]
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    public sealed class GdbDebuggingTests
    {
        private const string ExecuteSymbol = "MyOS_MyOS_Shell_Commands_EchoCommand__Execute";
        // EchoCommand.cs's lines, found in the source so that an edit above them moves them along:
        // the method's first line (the loop), the line that writes words[i], and the one that
        // ends the line after every word is out.
        private static readonly int s_firstLine = EchoLine("for (int i = 1; i < count; i++)");
        private static readonly int s_writeWordLine = EchoLine("KernelConsole.Write(words[i]);");
        private static readonly int s_endLine = EchoLine("KernelConsole.WriteLine();");

        private static readonly TimeSpan s_bootLimit = TimeSpan.FromSeconds(60);
        private static readonly TimeSpan s_gdbLimit = TimeSpan.FromSeconds(120);
        private readonly Action<string> _log;

        public GdbDebuggingTests(ITestOutputHelper output) => _log = output.WriteLine;

        [Fact]
        public async Task Gdb_StopsInEchoCommand_ByNameAndByLine_ShowsCSharpFrames_ThenTheCommandFinishes()
        {
            string root = RepositoryLocator.Root;
            Assert.True(File.Exists(Path.Combine(root, "iso", "myos.elf")), "iso/myos.elf is missing: run `dotnet build MyOS/MyOS.csproj`.");
            int port = FreeTcpPort();
            using VirtualMachine vm = VirtualMachine.Start(new VirtualMachineOptions
            {
                GdbPort = port,
                Deadline = s_bootLimit + s_gdbLimit,
                Log = _log,
            });

            var arguments = new List<string>
            {
                "-batch", "-nx",
                // The script reads iso/myos.elf relative to the repository root and the port from MYOS_GDB_PORT.
                "-ex", $"cd {root}",
                "-ex", $"python import os; os.environ['MYOS_GDB_PORT'] = '{port}'",
                "-x", Path.Combine(root, "MyOS.Build", "gdb", "myos.gdb"),
                "-ex", $"hbreak {ExecuteSymbol}",
                "-ex", $"hbreak EchoCommand.cs:{s_writeWordLine}",
                "-ex", "continue",
                "-ex", "bt",
                "-ex", "info args",
                "-ex", "continue",
                "-ex", "print i",
                // words[i]: an array's elements start at +16 (MethodTable pointer, length, padding).
                "-ex", "myos-string *(void**)((char*)&words + 16 + 8 * i)",
                "-ex", "delete",
                "-ex", $"tbreak EchoCommand.cs:{s_endLine}",
                "-ex", "continue",
                "-ex", "detach",
            };
            // ExternalCommand kills gdb (by its own process) if it outlives the limit.
            Task<string> gdb = Task.Run(() => ExternalCommand.Run("gdb", arguments, s_gdbLimit));

            vm.WaitForBoot(s_bootLimit);
            vm.Serial.SendLine("echo hi");
            string output = await gdb.WaitAsync(s_gdbLimit + TimeSpan.FromSeconds(10));
            _log(output);

            // The breakpoint by name stops at the method's first line, with its arguments.
            Assert.Matches(@"Breakpoint 1, " + ExecuteSymbol + @" \(this=.*, words=.*, count=2\) at \S*MyOS/Shell/Commands/EchoCommand\.cs:" + s_firstLine + "\n", output);
            // bt: C# methods with their .cs files and lines, from the command down to Main.
            Assert.Matches(@"#0 +" + ExecuteSymbol + @" .* at \S*EchoCommand\.cs:" + s_firstLine + "\n", output);
            // (the shell runs each command inside its exception handler, CommandShell.RunGuarded)
            Assert.Matches(@"#1 .* in MyOS_MyOS_Shell_CommandShell__RunGuarded .* at \S*MyOS/Shell/CommandShell\.cs:\d+", output);
            Assert.Matches(@"#2 .* in MyOS_Core_MyOS_Core_Kernel__Start .* at \S*MyOS\.Core/Kernel\.cs:\d+", output);
            Assert.Matches(@"#3 .* in MyOS_MyOS_Program__Main .* at \S*MyOS/Program\.cs:\d+", output);
            // info args: the word count and the words array (two words: "echo" and "hi").
            Assert.Contains("count = 2", output);
            Assert.Matches(@"words = @0x[0-9a-f]+: .*_numComponents = \d+", output);
            // The breakpoint by line stops at the word's line with i = 1, and words[i] is the string "hi".
            Assert.Matches(@"Breakpoint 2, " + ExecuteSymbol + @" .* at \S*EchoCommand\.cs:" + s_writeWordLine + "\n", output);
            Assert.Contains("$1 = 1", output);
            Assert.Contains("\"hi\" (2 characters)", output);
            // After continuing the word is printed, the end line is reached, and detaching lets the shell go on.
            Assert.Matches(@"EchoCommand\.cs:" + s_endLine + "\n", output);
            Assert.Contains("detached", output);

            vm.Serial.WaitForPrompt(TimeSpan.FromSeconds(30));
            Assert.Contains("\nhi", vm.Transcript.Replace("\r", ""));
        }

        /// <summary>The 1-based line of EchoCommand.cs whose text, trimmed, is <paramref name="code"/>.</summary>
        private static int EchoLine(string code)
        {
            string[] lines = File.ReadAllLines(Path.Combine(RepositoryLocator.Root, "MyOS", "Shell", "Commands", "EchoCommand.cs"));
            int index = Array.FindIndex(lines, line => line.Trim() == code);
            Assert.True(index >= 0, "EchoCommand.cs has no line \"" + code + "\"");
            return index + 1;
        }

        // A port nobody listens on now: the system picks it, and it is released for QEMU at once.
        private static int FreeTcpPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
