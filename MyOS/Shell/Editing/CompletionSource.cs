namespace MyOS.Shell.Editing
{
    /// <summary>What Tab may complete a word to, given the words before it (the shell knows its commands and their arguments).</summary>
    public abstract class CompletionSource
    {
        /// <summary>
        /// Every word that may stand at word number <paramref name="wordIndex"/> (0 = the
        /// command) of a line whose first word is <paramref name="command"/> (empty while the
        /// command itself is being completed); null or empty when nothing completes there.
        /// </summary>
        public abstract string[] CandidatesFor(string command, int wordIndex);
    }
}
