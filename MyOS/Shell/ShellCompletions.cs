using MyOS.Diagnostics;
using MyOS.Shell.Editing;

namespace MyOS.Shell
{
    /// <summary>
    /// The words Tab completes in the shell: command names as the first word and as `help`'s
    /// argument, `list` and the in-kernel test names as `test`'s argument. Invariant: the
    /// arrays are built once and never change, so completing allocates nothing more.
    /// </summary>
    public sealed class ShellCompletions : CompletionSource
    {
        /// <summary>Every command name, in `help`'s order.</summary>
        private readonly string[] _commandNames;
        /// <summary>"list" and every in-kernel test name; built at the first Tab after `test`.</summary>
        private string[] _testArguments;

        /// <summary>Completions over <paramref name="commands"/> (null entries skipped).</summary>
        public ShellCompletions(ShellCommand[] commands)
        {
            int count = 0;
            for (int i = 0; i < commands.Length; i++)
            {
                if (commands[i] != null)
                    count++;
            }

            _commandNames = new string[count];
            count = 0;
            for (int i = 0; i < commands.Length; i++)
            {
                if (commands[i] != null)
                    _commandNames[count++] = commands[i].Name;
            }
        }

        public override string[] CandidatesFor(string command, int wordIndex)
        {
            if (wordIndex == 0 || (wordIndex == 1 && command == "help"))
                return _commandNames;
            if (wordIndex == 1 && command == "test")
                return TestArguments();
            return null;
        }

        private string[] TestArguments()
        {
            if (_testArguments != null)
                return _testArguments;
            string[] names = KernelTestSuite.Names();
            _testArguments = new string[names.Length + 1];
            _testArguments[0] = "list";
            for (int i = 0; i < names.Length; i++)
                _testArguments[i + 1] = names[i];
            return _testArguments;
        }
    }
}
