using MyOS.Core.Console;

namespace MyOS.Shell.Commands
{
    /// <summary>`help [command]`: the list of commands, or one command's usage.</summary>
    public sealed class HelpCommand : ShellCommand
    {
        /// <summary>Every command of the shell, this one included.</summary>
        private readonly ShellCommand[] _commands;

        /// <summary>Help over <paramref name="commands"/>.</summary>
        public HelpCommand(ShellCommand[] commands) => _commands = commands;

        public override string Name => "help";
        public override string Usage => "help [command]";
        public override string Summary => "list the commands, or show one command's usage";

        public override void Execute(string[] words, int count)
        {
            if (!ExpectWords(count, 0, 1))
                return;
            for (int i = 0; i < _commands.Length; i++)
            {
                ShellCommand command = _commands[i];
                if (command == null)
                    continue;
                if (count == 1)
                {
                    KernelConsole.WriteLine(Pad(command.Name) + command.Summary);
                }
                else if (command.Name == words[1])
                {
                    KernelConsole.WriteLine("usage: " + command.Usage);
                    KernelConsole.WriteLine(command.Summary);
                    return;
                }
            }
            if (count == 2)
                Error("no command '" + words[1] + "'; type 'help' for the list");
        }

        private static string Pad(string name)
        {
            string result = name;
            while (result.Length < 10)
                result = result + " ";
            return result;
        }
    }
}
