using System;
using System.Collections.Generic;
using System.IO;
using MyOS.Tests.VirtualMachines;

namespace MyOS.Tools.Launch
{
    /// <summary>
    /// The command line `./run.sh` execs to boot iso/MyOS.iso with the shell on the terminal, as
    /// Cosmos.config says (RAM, time limit, gdb port, extra arguments). The emulator's arguments
    /// and Bochs's configuration come from the test runner's driver (QemuMachine.Arguments,
    /// BochsMachine.Configuration), so run.sh boots exactly the machine the tests boot; only the
    /// serial line differs: the terminal for QEMU (`mon:stdio`: Ctrl-A X leaves), a file for Bochs,
    /// whose terminal shows the VGA screen.
    /// </summary>
    public static class InteractiveVmCommand
    {
        /// <summary>
        /// `vm-command [qemu|qemu-uefi|bochs] [--debug]`: prints the command, one argument per line,
        /// and what the user must know on standard error. Returns the exit status.
        /// </summary>
        public static int Run(string root, IReadOnlyList<string> arguments)
        {
            CosmosConfig config = CosmosConfig.Load(Path.Combine(root, "Cosmos.config"));
            string vm = arguments.Count > 0 && arguments[0].Length > 0 ? arguments[0] : config.Get("VirtualMachine", "qemu");
            bool debug = arguments.Count > 1 && arguments[1] == "--debug";
            if (arguments.Count > 2 || (arguments.Count > 1 && !debug))
            {
                Console.Error.WriteLine("usage: vm-command [qemu|qemu-uefi|bochs] [--debug]");
                return 2;
            }
            string iso = Path.Combine(root, "iso", "MyOS.iso");
            if (!File.Exists(iso))
                return Fail($"{iso} is missing; run: dotnet build MyOS/MyOS.csproj");

            var command = new List<string>();
            int limit = config.GetInt("VmTimeLimitSeconds", 0, 0, int.MaxValue);
            if (limit != 0)
                command.AddRange(new[] { "timeout", "-s", "KILL", limit.ToString() }); // Bochs ignores SIGTERM
            var options = new VirtualMachineOptions
            {
                Kind = vm == "bochs" ? VirtualMachineKind.Bochs : VirtualMachineKind.Qemu,
                MemoryMiB = config.GetInt("MemoryMiB", 128, 2, 65536),
                Firmware = vm == "qemu-uefi" ? Firmware.Uefi : Firmware.Bios,
                ShowDisplay = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")),
                ExtraArguments = config.Get("ExtraVmArguments", ""),
                GdbPort = debug ? config.GetInt("GdbPort", 1234, 1, 65535) : 0,
            };
            switch (vm)
            {
                case "qemu":
                case "qemu-uefi":
                    if (debug && !File.Exists(Path.Combine(root, "iso", "myos.elf")))
                        return Fail($"{Path.Combine(root, "iso", "myos.elf")} is missing; run: dotnet build MyOS/MyOS.csproj");
                    command.Add(QemuMachine.Executable);
                    command.AddRange(QemuMachine.Arguments(options, iso, "mon:stdio", monitor: null));
                    if (debug)
                    {
                        string attach = "gdb -x MyOS.Build/gdb/myos.gdb";
                        if (options.GdbPort != 1234)
                            attach = $"MYOS_GDB_PORT={options.GdbPort} {attach}";
                        // .vscode/tasks.json waits for this line.
                        Console.Error.WriteLine($"QEMU is paused, waiting for gdb on port {options.GdbPort}. In another terminal, in {root}:");
                        Console.Error.WriteLine("  " + attach);
                    }
                    break;
                case "bochs":
                    if (debug)
                        return Fail("--debug needs QEMU (its gdb stub), not bochs");
                    string work = Path.Combine(root, "iso", "bochs");
                    Directory.CreateDirectory(work);
                    string configPath = Path.Combine(work, "bochsrc");
                    string scriptPath = Path.Combine(work, "debugger.rc");
                    File.WriteAllLines(configPath, BochsMachine.Configuration(options, iso,
                        $"mode=file, dev={Path.Combine(root, "iso", "bochs-serial.txt")}", Path.Combine(work, "bochs.log")));
                    File.WriteAllText(scriptPath, BochsMachine.DebuggerScript);
                    command.AddRange(new[] { BochsMachine.Executable, "-q", "-f", configPath, "-rc", scriptPath });
                    Console.Error.WriteLine("Bochs: the console is the VGA screen; serial output goes to iso/bochs-serial.txt");
                    break;
                default:
                    return Fail($"VirtualMachine must be qemu or bochs, not '{vm}'");
            }
            Console.Out.Write(string.Join("\n", command) + "\n");
            return 0;
        }

        private static int Fail(string message)
        {
            Console.Error.WriteLine("error: " + message);
            return 2;
        }
    }
}
