using System.Numerics;

namespace MyOS.Core.Memory.Physical
{
    /// <summary>
    /// Where PageAllocator's searches for runs of 2 or more pages start, so that repeated
    /// requests do not search again from the bottom of memory. One number per length class
    /// L = 2, 4, 8, ..., 512 (class i holds L = 2^(i+1)), kept as the page where such a run
    /// would end rather than start, so that one freed page lowers every class alike:
    ///
    ///     every run of L free pages in a row ends at or above min(end[L], freedLow)
    ///
    /// ("a run of L free pages" is any L free pages in a row, whether or not the free run goes
    /// on past them). So none starts below Hint(L) = min(end[L], freedLow) - (L - 1) (0 if
    /// that is negative). A request for n pages has no fit below the hint of the largest
    /// class L &lt;= n (n free pages in a row contain L free pages in a row), so its search
    /// starts there and still finds the lowest address that fits.
    ///   - Pages [p, ...) became free: a run that is new contains a newly freed page q &gt;= p,
    ///     so it ends at or above p. Freed lowers only freedLow to p (one compare, so single
    ///     page frees stay cheap); the next Searched folds it into end[] for every class.
    ///   - Found n pages at F and took them: no run of L &gt;= n free pages starts below F (it
    ///     would contain n pages starting below F), nor in [F, F + n) (each such start is now a
    ///     used page), so none ends below F + n + L - 1. Searched raises end[] of the smallest
    ///     class L &gt;= n, the one a repeated request for n = L uses (raising the larger ones
    ///     too would be sound, but would cost a loop on every search). Classes below n learn
    ///     nothing. When nothing fitted, F + n is replaced by the end of memory.
    ///   - Taking pages never breaks the invariant: it only removes free pages.
    /// Raising keeps the larger of two valid bounds, which is valid too. All zero is always
    /// valid, which is how they begin.
    /// </summary>
    internal unsafe struct RunHints
    {
        /// <summary>Length classes: 2^1 .. 2^9 pages. Requests above 512 pages use the 512 class. Searched writes the nine out.</summary>
        public const int Classes = 9;

        /// <summary>end[i]: with freedLow, a page below which no run of 2^(i+1) free pages ends (see the invariant).</summary>
        private fixed ulong _end[Classes];
        /// <summary>The lowest page freed since the last Searched, or ulong.MaxValue if none.</summary>
        private ulong _freedLow;

        /// <summary>Forgets everything: every search starts from the bottom again.</summary>
        public void Reset()
        {
            for (int i = 0; i < Classes; i++)
            {
                _end[i] = 0;
            }
            _freedLow = ulong.MaxValue;
        }

        /// <summary>The page a search for <paramref name="n"/> (&gt;= 2) pages may start at: the hint of the largest class &lt;= n.</summary>
        public ulong Start(ulong n)
        {
            int log = 63 - BitOperations.LeadingZeroCount(n); // floor(log2 n), 1 or more
            int i = log < Classes ? log - 1 : Classes - 1;
            ulong last = _end[i] < _freedLow ? _end[i] : _freedLow;
            ulong below = (2UL << i) - 1; // L - 1
            return last > below ? last - below : 0;
        }

        /// <summary>
        /// After a search for <paramref name="n"/> (&gt;= 2) pages: no run of n free pages starts
        /// below <paramref name="next"/> (the found run's end once it is taken, or the end of
        /// memory when nothing fitted). Folds freedLow into every class and raises the
        /// smallest class L &gt;= n.
        /// </summary>
        public void Searched(ulong n, ulong next)
        {
            ulong freed = _freedLow;
            if (freed != ulong.MaxValue)
            {
                _freedLow = ulong.MaxValue;
                // end[i] = min(end[i], freed) for the nine classes, written out: a loop
                // costs about 10 % of a repeated 8-page alloc+free pair on the host.
                _end[0] = _end[0] < freed ? _end[0] : freed;
                _end[1] = _end[1] < freed ? _end[1] : freed;
                _end[2] = _end[2] < freed ? _end[2] : freed;
                _end[3] = _end[3] < freed ? _end[3] : freed;
                _end[4] = _end[4] < freed ? _end[4] : freed;
                _end[5] = _end[5] < freed ? _end[5] : freed;
                _end[6] = _end[6] < freed ? _end[6] : freed;
                _end[7] = _end[7] < freed ? _end[7] : freed;
                _end[8] = _end[8] < freed ? _end[8] : freed;
            }
            int first = 64 - BitOperations.LeadingZeroCount(n - 1) - 1; // ceil(log2 n) - 1: the smallest class >= n
            if (first < Classes)
            {
                ulong last = next + (2UL << first) - 1; // where a run of L starting at next ends
                if (_end[first] < last)
                {
                    _end[first] = last;
                }
            }
        }

        /// <summary>Pages from <paramref name="page"/> upwards became free (see the invariant).</summary>
        public void Freed(ulong page)
        {
            if (page < _freedLow)
            {
                _freedLow = page;
            }
        }
    }
}
