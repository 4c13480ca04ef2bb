namespace MyOS.Shell.Editing
{
    /// <summary>
    /// Tab completion as bash does it, without drawing: the word before the cursor is matched
    /// against the candidates its position allows (<see cref="CompletionSource"/>). One match
    /// completes the word and adds a space; several extend it to their longest common prefix;
    /// when that adds nothing, a second Tab in a row asks for the list. Invariant: after
    /// <see cref="Complete"/>, <see cref="Matches"/> holds the <see cref="MatchCount"/>
    /// candidates that start with the word, in the source's order.
    /// </summary>
    public sealed class TabCompletion
    {
        /// <summary>Most matches kept (more candidates than any source gives).</summary>
        public const int MaxMatches = 64;

        private readonly CompletionSource _source;
        private readonly string[] _matches = new string[MaxMatches];

        /// <summary>Completion over the words <paramref name="source"/> gives.</summary>
        public TabCompletion(CompletionSource source) => _source = source;

        /// <summary>Candidates that matched the word at the last <see cref="Complete"/>.</summary>
        public string[] Matches => _matches;
        /// <summary>How many of <see cref="Matches"/> count.</summary>
        public int MatchCount { get; private set; }

        /// <summary>
        /// Finds the matches for the word that ends at the cursor of <paramref name="line"/> and
        /// returns the text to insert at the cursor ("" when there is nothing to add). The text
        /// ends with a space when exactly one candidate matched.
        /// </summary>
        public string Complete(LineBuffer line)
        {
            MatchCount = 0;
            int wordStart = line.WordStartBefore(line.Cursor);
            if (wordStart < line.Cursor && line[line.Cursor - 1] == ' ')
                wordStart = line.Cursor;   // the cursor is after a space: a new, empty word
            int wordIndex = CountWords(line, wordStart);
            string command = wordIndex == 0 ? "" : FirstWord(line);
            string[] candidates = _source.CandidatesFor(command, wordIndex);
            if (candidates == null)
                return "";
            int wordLength = line.Cursor - wordStart;
            for (int i = 0; i < candidates.Length && MatchCount < MaxMatches; i++)
            {
                if (candidates[i] != null && StartsWith(candidates[i], line, wordStart, wordLength))
                    _matches[MatchCount++] = candidates[i];
            }

            if (MatchCount == 0)
                return "";
            if (MatchCount == 1)
                return _matches[0].Substring(wordLength) + " ";
            int common = CommonPrefixLength();
            return common > wordLength ? _matches[0].Substring(wordLength, common - wordLength) : "";
        }

        /// <summary>Words that end before <paramref name="position"/>.</summary>
        private static int CountWords(LineBuffer line, int position)
        {
            int count = 0;
            for (int i = 0; i < position; i++)
            {
                if (line[i] != ' ' && (i + 1 == position || line[i + 1] == ' '))
                    count++;
            }

            return count;
        }

        private static string FirstWord(LineBuffer line)
        {
            int start = 0;
            while (start < line.Length && line[start] == ' ')
                start++;
            int end = start;
            while (end < line.Length && line[end] != ' ')
                end++;
            return line.ToString().Substring(start, end - start);
        }

        private static bool StartsWith(string candidate, LineBuffer line, int start, int length)
        {
            if (candidate.Length < length)
                return false;
            for (int i = 0; i < length; i++)
            {
                if (candidate[i] != line[start + i])
                    return false;
            }

            return true;
        }

        /// <summary>Length of the longest prefix all matches share.</summary>
        private int CommonPrefixLength()
        {
            int common = _matches[0].Length;
            for (int m = 1; m < MatchCount; m++)
            {
                int i = 0;
                while (i < common && i < _matches[m].Length && _matches[m][i] == _matches[0][i])
                    i++;
                common = i;
            }
            return common;
        }
    }
}
