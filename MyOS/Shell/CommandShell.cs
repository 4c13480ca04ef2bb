using MyOS.Core;
using MyOS.Core.Console;
using MyOS.Core.Hardware;
using MyOS.Core.Memory;

namespace MyOS.Shell
{
    /// <summary>
    /// The kernel shell: prints the prompt ("> "), reads a line, runs the command. Output follows
    /// the shell contract (design.md): errors are one line starting with "error:", addresses are
    /// printed as 0x hex, and a bad line never changes any state.
    /// </summary>
    public sealed class CommandShell
    {
        /// <summary>Most words a command line may have.</summary>
        private const int MaxWords = 16;

        /// <summary>The kernel, so `shutdown` can end its Run loop cleanly.</summary>
        private readonly Kernel _kernel;
        /// <summary>Where lines come from.</summary>
        private readonly LineReader _reader = new LineReader();
        /// <summary>The words of the current line; reused for every line.</summary>
        private readonly string[] _words = new string[MaxWords];

        /// <summary>A shell for <paramref name="kernel"/>.</summary>
        public CommandShell(Kernel kernel) => _kernel = kernel;

        /// <summary>Prompts for one line and runs it.</summary>
        public void ReadAndRunOneLine()
        {
            KernelConsole.Write("> ");
            string line = _reader.ReadLine();
            if (line == null)
            {
                WriteError(_reader.Error);
                return;
            }
            int count = SplitWords(line);
            if (count < 0)
            {
                WriteError("too many words on the line (at most 16)");
                return;
            }
            if (count > 0)
                Run(count);
        }

        private void Run(int count)
        {
            string command = _words[0];
            if (command == "help")
                Help(count);
            else if (command == "echo")
                Echo(count);
            else if (command == "memmap")
                MemoryMapCommand(count);
            else if (command == "clear")
                Clear(count);
            else if (command == "shutdown")
                Shutdown(count);
            else if (command == "reboot")
                Reboot(count);
            else
                WriteError("unknown command '" + command + "'; type 'help' for the list of commands");
        }

        private static void Help(int count)
        {
            KernelConsole.WriteLine("help             this list");
            KernelConsole.WriteLine("echo <text>      print the text");
            KernelConsole.WriteLine("memmap           the boot memory map, one region per line");
            KernelConsole.WriteLine("clear            clear the screen");
            KernelConsole.WriteLine("shutdown [code]  power off (QEMU exits with status 2*code+1)");
            KernelConsole.WriteLine("reboot           restart the machine");
        }

        private void Echo(int count)
        {
            for (int i = 1; i < count; i++)
            {
                if (i > 1)
                    KernelConsole.Write(' ');
                KernelConsole.Write(_words[i]);
            }
            KernelConsole.WriteLine();
        }

        private void MemoryMapCommand(int count)
        {
            if (count != 1)
            {
                WriteError("memmap takes no arguments");
                return;
            }
            MemoryMap map = KernelBoot.MemoryMap;
            for (int i = 0; i < map.Count; i++)
            {
                PhysicalRegion region = map[i];
                KernelConsole.WriteHex(region.Base, 16);
                KernelConsole.Write(" - ");
                KernelConsole.WriteHex(region.End - 1, 16);
                KernelConsole.Write("  ");
                KernelConsole.Write(KindName(region.Kind));
                KernelConsole.Write("  ");
                KernelConsole.WriteDecimal(region.Length / 1024);
                KernelConsole.WriteLine(" KiB");
            }
            KernelConsole.Write("usable: ");
            KernelConsole.WriteDecimal(map.UsableBytes / 1024);
            KernelConsole.Write(" KiB of ");
            KernelConsole.WriteDecimal(map.TotalBytes / 1024);
            KernelConsole.WriteLine(" KiB reported");
        }

        private void Clear(int count)
        {
            if (count != 1)
            {
                WriteError("clear takes no arguments");
                return;
            }
            KernelConsole.Screen.Clear();
        }

        private void Shutdown(int count)
        {
            ulong code = 0;
            if (count > 2 || (count == 2 && (!NumberParser.TryParse(_words[1], out code) || code > 127)))
            {
                WriteError("usage: shutdown [code], with code a number from 0 to 127");
                return;
            }
            KernelConsole.WriteLine("Powering off.");
            Power.Shutdown((byte)code);
        }

        private void Reboot(int count)
        {
            if (count != 1)
            {
                WriteError("reboot takes no arguments");
                return;
            }
            KernelConsole.WriteLine("Rebooting.");
            Power.Reboot();
        }

        private static string KindName(RegionKind kind)
        {
            switch (kind)
            {
                case RegionKind.Usable: return "usable";
                case RegionKind.Reserved: return "reserved";
                case RegionKind.AcpiReclaimable: return "ACPI reclaimable";
                case RegionKind.AcpiNvs: return "ACPI NVS";
                case RegionKind.BadMemory: return "bad memory";
                case RegionKind.Kernel: return "kernel";
                default: return "unknown";
            }
        }

        /// <summary>Splits the line at spaces into <see cref="_words"/>; returns the count, or -1 if there are too many.</summary>
        private int SplitWords(string line)
        {
            int count = 0, i = 0;
            while (i < line.Length)
            {
                while (i < line.Length && line[i] == ' ')
                    i++;
                int start = i;
                while (i < line.Length && line[i] != ' ')
                    i++;
                if (i > start)
                {
                    if (count == MaxWords)
                        return -1;
                    _words[count++] = line.Substring(start, i - start);
                }
            }
            return count;
        }

        private static void WriteError(string message)
        {
            KernelConsole.Write("error: ");
            KernelConsole.WriteLine(message);
        }
    }
}
