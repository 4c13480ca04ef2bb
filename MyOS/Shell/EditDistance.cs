namespace MyOS.Shell
{
    /// <summary>Levenshtein distance, for suggesting the nearest command name.</summary>
    public static unsafe class EditDistance
    {
        /// <summary>Edits (insert, delete, replace) that turn <paramref name="a"/> into <paramref name="b"/>; words past 64 characters count as far.</summary>
        public static int Between(string a, string b)
        {
            if (a.Length > 64 || b.Length > 64)
                return int.MaxValue - 1;
            int* previous = stackalloc int[65];
            int* current = stackalloc int[65];
            for (int j = 0; j <= b.Length; j++)
                previous[j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    int best = previous[j - 1] + cost;
                    if (previous[j] + 1 < best)
                        best = previous[j] + 1;
                    if (current[j - 1] + 1 < best)
                        best = current[j - 1] + 1;
                    current[j] = best;
                }
                int* swap = previous;
                previous = current;
                current = swap;
            }
            return previous[b.Length];
        }
    }
}
