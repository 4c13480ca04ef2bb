using MyOS.Core;
using MyOS.Core.Console;
using MyOS.Core.Diagnostics;
using MyOS.Runtime.Exceptions;
using MyOS.Shell.Commands;

namespace MyOS.Shell
{
    /// <summary>
    /// The kernel shell: prints the prompt ("> "), reads a line, finds the command and runs it.
    /// Output follows the shell contract: errors are one line starting with
    /// "error:", addresses are printed as 0x hex, and a bad line never changes any state; a
    /// command that throws ends in such a line too, and the shell keeps going.
    /// </summary>
    public sealed class CommandShell
    {
        /// <summary>Most words a command line may have.</summary>
        private const int MaxWords = 16;

        /// <summary>Where lines come from (Tab completes this shell's words).</summary>
        private readonly LineReader _reader;
        /// <summary>The words of the current line; reused for every line.</summary>
        private readonly string[] _words = new string[MaxWords];
        /// <summary>Every command, in the order `help` lists them.</summary>
        private readonly ShellCommand[] _commands;

        /// <summary>A shell with every built-in command.</summary>
        public CommandShell()
        {
            _commands = new ShellCommand[KernelBoot.CommandLine.Has("test", "shell-throw") ? 20 : 19];
            _commands[0] = new HelpCommand(_commands);
            _commands[1] = new MemMapCommand();
            _commands[2] = new MemInfoCommand();
            _commands[3] = new PageAllocCommand();
            _commands[4] = new PageFreeCommand();
            _commands[5] = new AllocCommand();
            _commands[6] = new FreeCommand();
            _commands[7] = new HeapCommand();
            _commands[8] = new TestCommand();
            _commands[9] = new EchoCommand();
            _commands[10] = new ClearCommand();
            _commands[11] = new ShutdownCommand();
            _commands[12] = new RebootCommand();
            _commands[13] = new UptimeCommand();
            _commands[14] = new BenchCommand();
            _commands[15] = new DumpCommand();
            _commands[16] = new MemTestCommand();
            _commands[17] = new AcpiCommand();
            _commands[18] = new GcCommand();
            if (_commands.Length > 19)
                _commands[19] = new ThrowCommand();
            _reader = new LineReader(new ShellCompletions(_commands));
        }

        /// <summary>Prompts for one line and runs it.</summary>
        public void ReadAndRunOneLine()
        {
            string line = _reader.ReadLine("> ");
            if (line == null)
            {
                WriteError(_reader.Error);
                return;
            }
            RunLine(line);
        }

        /// <summary>Runs one command line as if it had been typed.</summary>
        public void RunLine(string line)
        {
            int count = SplitWords(line);
            if (count < 0)
            {
                WriteError("too many words on the line (at most 16)");
                return;
            }
            if (count == 0)
                return;
            ShellCommand command = Find(_words[0]);
            if (command != null)
                RunGuarded(command, count);
            else
                WriteError(Concat("unknown command '", _words[0], "'; did you mean '", Nearest(_words[0])) + "'? type 'help' for the list");
        }

        /// <summary>
        /// Runs a command inside a handler: an exception it throws (a bug, a fault made into an
        /// exception, memory running out) becomes one `error: Type: message` line, and the shell
        /// goes on to the next prompt. Before each command the exception reserve is taken again
        /// if it was used.
        /// </summary>
        private void RunGuarded(ShellCommand command, int count)
        {
            ExceptionReserve.Restore();
            try
            {
                command.Execute(_words, count);
            }
            catch (System.Exception exception)
            {
                ExceptionReserve.Release();
                WriteError(Concat(ExceptionTypeName.Of(exception), ": ", exception.Message, ""));
            }
        }

        private ShellCommand Find(string name)
        {
            for (int i = 0; i < _commands.Length; i++)
            {
                if (_commands[i] != null && _commands[i].Name == name)
                    return _commands[i];
            }

            return null;
        }

        /// <summary>The command name with the smallest edit distance to <paramref name="word"/>.</summary>
        private string Nearest(string word)
        {
            string best = "help";
            int bestDistance = int.MaxValue;
            for (int i = 0; i < _commands.Length; i++)
            {
                if (_commands[i] == null)
                    continue;
                int distance = EditDistance.Between(word, _commands[i].Name);
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = _commands[i].Name;
                }
            }
            return best;
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

        private static string Concat(string a, string b, string c, string d) => string.Concat(a, b, c, d);

        private static void WriteError(string message)
        {
            KernelConsole.Write("error: ");
            KernelConsole.WriteLine(message);
        }
    }
}
