using System.Numerics;

namespace MyOS.Core.Memory
{
    /// <summary>
    /// Where PageAllocator's searches for runs of 2 or more pages start, so that repeated
    /// requests do not search again from the bottom of memory. One page number per length
    /// class L = 2, 4, 8, ..., 512 (class i holds L = 2^(i+1)), with the invariant
    ///
    ///     no L pages in a row are free starting below Start[L]
    ///
    /// ("starting at s" means pages s .. s + L - 1 are all free, whether or not the free run
    /// goes on past them). A request for n pages has no fit below the hint of the largest
    /// class L &lt;= n (n free pages in a row contain L free pages in a row), so its search
    /// starts there and still finds the lowest address that fits.
    ///   - Found n pages at F and took them: for every class L &gt;= n, no L pages in a row start
    ///     below F (they would contain n pages starting below F), nor in [F, F + n) (each such
    ///     start is now a used page): raise Start[L] to F + n. Classes below n learn nothing.
    ///   - No n pages anywhere: raise Start[L] to the end for every class L &gt;= n.
    ///   - Taking pages never breaks the invariant: it only removes free pages.
    ///   - Pages [p, ...) became free: a run of L free pages that is new contains a newly
    ///     freed page q &gt;= p, so it starts at q - L + 1 &gt;= p - L + 1: lower every Start[L]
    ///     to p - L + 1 (0 if that is negative).
    /// All zero is always valid (nothing starts below page 0), which is how they begin.
    /// </summary>
    internal unsafe struct RunHints
    {
        /// <summary>Length classes: 2^1 .. 2^9 pages. Requests above 512 pages use the 512 class.</summary>
        public const int Classes = 9;

        /// <summary>start[i]: no 2^(i+1) free pages in a row start below this page.</summary>
        private fixed ulong start[Classes];

        /// <summary>Forgets everything: every search starts from the bottom again.</summary>
        public void Reset()
        {
            for (int i = 0; i < Classes; i++)
            {
                start[i] = 0;
            }
        }

        /// <summary>The page a search for <paramref name="n"/> (&gt;= 2) pages may start at: the hint of the largest class &lt;= n.</summary>
        public ulong Start(ulong n)
        {
            int log = 63 - BitOperations.LeadingZeroCount(n); // floor(log2 n), 1 or more
            return start[log < Classes ? log - 1 : Classes - 1];
        }

        /// <summary>
        /// After a search for <paramref name="n"/> (&gt;= 2) pages: no run of n free pages starts
        /// below <paramref name="next"/> (the found run's end once it is taken, or the end of
        /// memory when nothing fitted). Raises the hints of the classes L &gt;= n.
        /// </summary>
        public void Searched(ulong n, ulong next)
        {
            int first = 64 - BitOperations.LeadingZeroCount(n - 1) - 1; // ceil(log2 n) - 1: the first class >= n
            for (int i = first; i < Classes; i++)
            {
                ulong hint = start[i];
                start[i] = hint > next ? hint : next; // unconditional store: no branch to mispredict
            }
        }

        /// <summary>Pages from <paramref name="page"/> upwards became free: lowers every hint to page - L + 1.</summary>
        public void Freed(ulong page)
        {
            ulong below = 1; // L - 1 for class i
            for (int i = 0; i < Classes; i++, below = 2 * below + 1)
            {
                ulong lowest = page > below ? page - below : 0;
                ulong hint = start[i];
                start[i] = hint < lowest ? hint : lowest;
            }
        }
    }
}
