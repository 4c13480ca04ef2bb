using MyOS.Core.Console;

namespace MyOS.Shell
{
    /// <summary>
    /// One shell command. Subclasses give a name, a one-line summary and usage, and run with
    /// the line's words (word 0 is the command's name). On bad input a command calls
    /// <see cref="Error"/> and changes nothing.
    /// </summary>
    public abstract class ShellCommand
    {
        /// <summary>What the user types.</summary>
        public abstract string Name { get; }

        /// <summary>Usage line, e.g. "pmalloc <pages>".</summary>
        public abstract string Usage { get; }

        /// <summary>What the command does, in one line.</summary>
        public abstract string Summary { get; }

        /// <summary>Runs the command with <paramref name="count"/> words in <paramref name="words"/>.</summary>
        public abstract void Execute(string[] words, int count);

        /// <summary>Prints a one-line error in the shell contract's form: "error: ...".</summary>
        protected static void Error(string message)
        {
            KernelConsole.Write("error: ");
            KernelConsole.WriteLine(message);
        }

        /// <summary>Checks the word count is within [min, max]; prints the usage as an error if not.</summary>
        protected bool ExpectWords(int count, int min, int max)
        {
            if (count - 1 >= min && count - 1 <= max)
                return true;
            Error((count - 1 < min ? "missing arguments" : "too many arguments") + "; usage: " + Usage);
            return false;
        }
    }
}
