namespace MyOS.Core.Memory.Physical
{
    // The page allocator's debug checks (InvariantChecks, kernel option verify=1), run after
    // every allocation and free: the groups the operation touched, the free-page count, the
    // single-page search hint and every run-length class's hint (RunHints' invariant).
    public sealed unsafe partial class PageAllocator
    {
        /// <summary>Checks the invariants around pages [first, first + pages) and the allocator-wide ones; reports the first broken one.</summary>
        private void VerifyAround(ulong first, ulong pages)
        {
            ulong where;
            ulong lastGroup = (first + pages - 1) >> PageBitmap.GroupShift;
            for (ulong g = first >> PageBitmap.GroupShift; g <= lastGroup && g < _bitmap.GroupCount; g++)
            {
                InvariantViolation broken = _bitmap.CheckGroup(g, out where);
                if (broken != 0)
                {
                    InvariantChecks.Fail(broken, 0, where);
                    return;
                }
            }
            if (_bitmap.SummedFreePages() != _freePages)
            {
                InvariantChecks.Fail(InvariantViolation.FreePageCount, 0, _freePages);
                return;
            }
            ulong lowestNonEmpty = _bitmap.NextNonEmptyGroup(0);
            if (lowestNonEmpty < _searchHint)
            {
                InvariantChecks.Fail(InvariantViolation.SearchHint, 0, lowestNonEmpty << PageBitmap.GroupShift);
                return;
            }
            for (ulong length = 2; length <= PageBitmap.PagesPerGroup; length <<= 1)
            {
                // The lowest run of `length` free pages (FindRun from 0 needs no hint to be right).
                ulong lowest = _bitmap.FindRun(length, 0);
                if (lowest != 0 && lowest < _runHints.Start(length))
                {
                    InvariantChecks.Fail(InvariantViolation.RunHint, (uint)length, lowest);
                    return;
                }
            }
        }
    }
}
