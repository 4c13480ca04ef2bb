using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>
    /// MyOS in Bochs 2.7. Debian's Bochs is built with its debugger, so it runs a one-line script
    /// ("c", continue) instead of stopping at a prompt; its "term" display needs a terminal type
    /// but no terminal, and it runs in a session of its own so it never touches the runner's terminal.
    /// COM1 connects to the runner's TCP listener as a socket client.
    /// </summary>
    public sealed class BochsMachine : VirtualMachine
    {
        /// <summary>The Bochs launcher (a Debian script that execs bochs-bin in the same process).</summary>
        public const string Executable = "bochs";

        /// <summary>The CPU Bochs emulates: a Sandy Bridge Core i7, with all of x86-64-v2.</summary>
        public const string CpuModel = "corei7_sandy_bridge_2600k";

        /// <summary>Bochs's emulation speed (its `ips`), which its timers and so the kernel's PIT follow.</summary>
        public const int InstructionsPerSecond = 50000000;

        /// <summary>The script Bochs's debugger runs at start: continue (again after a stop).</summary>
        public const string DebuggerScript = "c\nc\nc\n";

        /// <summary>Use <see cref="VirtualMachine.Start"/>.</summary>
        internal BochsMachine(VirtualMachineOptions options) : base(options) { }

        /// <inheritdoc/>
        public override string Name => "Bochs";

        /// <summary>Bochs's log file (errors and panics of the emulated hardware).</summary>
        public string LogPath => Path.Combine(WorkDirectory, "bochs.log");

        private string StandardErrorPath => Path.Combine(WorkDirectory, "bochs.stderr");

        /// <inheritdoc/>
        protected override ProcessStartInfo CreateStartInfo(string isoPath, int serialPort)
        {
            string configPath = Path.Combine(WorkDirectory, "bochsrc");
            string scriptPath = Path.Combine(WorkDirectory, "debugger.rc");
            File.WriteAllLines(configPath, Configuration(Options, isoPath, $"mode=socket-client, dev=127.0.0.1:{serialPort}", LogPath));
            File.WriteAllText(scriptPath, DebuggerScript);

            // sh and setsid exec in place (this child is not a process-group leader, so setsid does
            // not fork): the process id we hold ends up running Bochs itself, which CheckProcessIdentity
            // confirms. stdin from /dev/null and no terminal are what the term display runs with.
            var info = new ProcessStartInfo("/bin/sh")
            {
                UseShellExecute = false,
                WorkingDirectory = WorkDirectory,
            };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("exec setsid \"$0\" \"$@\" </dev/null >/dev/null 2>\"$MYOS_BOCHS_STDERR\"");
            foreach (string argument in new[] { Executable, "-q", "-f", configPath, "-rc", scriptPath })
                info.ArgumentList.Add(argument);
            info.Environment["MYOS_BOCHS_STDERR"] = StandardErrorPath;
            // curses (the term display) refuses to start without a known terminal type; CI may have none.
            info.Environment["TERM"] = "xterm";
            return info;
        }

        /// <summary>
        /// The bochsrc lines that boot <paramref name="isoPath"/> as <paramref name="options"/> say,
        /// with COM1 in the mode <paramref name="com1"/> (Bochs's "mode=..., dev=..." of the com1
        /// line: a socket for the runner, a file for `./run.sh`) and Bochs's log at
        /// <paramref name="logPath"/>. The one place that knows how MyOS is started in Bochs.
        /// </summary>
        public static List<string> Configuration(VirtualMachineOptions options, string isoPath, string com1, string logPath)
        {
            options.Validate();
            if (isoPath.IndexOfAny(new[] { ' ', ',', '"' }) >= 0)
                throw new ArgumentException($"Bochs's configuration syntax cannot hold the ISO path {isoPath} (space, comma or quote).");
            var lines = new List<string>
            {
                $"megs: {options.MemoryMiB}",
                "romimage: file=/usr/share/bochs/BIOS-bochs-latest",
                "vgaromimage: file=/usr/share/vgabios/vgabios.bin",
                $"ata0-master: type=cdrom, path={isoPath}, status=inserted",
                "boot: cdrom",
                // A triple fault stops Bochs (a panic, fatal below) instead of resetting the machine,
                // unless the options allow reboots: after the kernel's keyboard-controller reset (a CPU
                // software reset) Bochs's BIOS triple-faults once, and only a hardware reset follows.
                // A CPU with all of x86-64-v2 (SSE4.2, POPCNT), which .NET 10 code needs.
                $"cpu: model={CpuModel}, count=1, ips={InstructionsPerSecond}, reset_on_triple_fault={(options.AllowReboot ? 1 : 0)}",
                // term: the VGA text screen on a terminal (curses); x: a window.
                $"display_library: {(options.ShowDisplay ? "x" : "term")}",
                $"com1: enabled=1, {com1}",
                $"log: {logPath}",
                "panic: action=fatal",
                "error: action=report",
                "info: action=ignore",
                "debug: action=ignore",
            };
            // Extra bochsrc lines (Cosmos.config's ExtraVmArguments), one per line.
            lines.AddRange(options.ExtraArguments.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            return lines;
        }

        /// <inheritdoc/>
        protected override void CheckProcessIdentity(int processId)
        {
            // Bochs has connected to the serial port, so the exec chain is complete by now.
            string program = ProcessProbe.ExecutableName(processId);
            if (program == null || !program.StartsWith("bochs", StringComparison.Ordinal))
            {
                throw new VirtualMachineException(
                    $"Process {processId} runs '{program}', not Bochs: setsid must have forked, so the runner could not kill Bochs by its id.");
            }
        }

        /// <inheritdoc/>
        protected override string DiagnosticOutput()
        {
            // Bochs's log marks errors and panics with "e[" and "p["; the rest is noise here.
            string log = string.Join("\n", TailLines(LogPath, 400).Where(line => line.Contains("e[") || line.Contains("p[")).TakeLast(20));
            string stderr = string.Join("\n", TailLines(StandardErrorPath, 400)
                .Where(line => !line.Contains("i[") && !line.StartsWith("ALSA", StringComparison.Ordinal)).TakeLast(20));
            return (log.Length > 0 ? $"--- Bochs log, errors and panics ---\n{log}\n" : "") +
                   (stderr.Length > 0 ? $"--- Bochs stderr ---\n{stderr}\n" : "");
        }

        private static string[] TailLines(string path, int count)
        {
            try { return File.ReadLines(path).TakeLast(count).ToArray(); }
            catch (IOException) { return Array.Empty<string>(); }
        }
    }
}
