namespace MyOS.Core.Memory.Map
{
    /// <summary>
    /// Small helpers over a MemoryRange array used as a list of count entries: sorting and
    /// appending with merging. They never allocate; a full array is reported, not grown.
    /// </summary>
    internal static class MemoryRangeList
    {
        /// <summary>
        /// Appends [baseAddress, baseAddress + length) to list[0..count). An empty range is
        /// ignored; a range that starts where the last entry ends and has the same kind extends
        /// that entry. Returns false (list unchanged) when a new entry is needed and none is free.
        /// </summary>
        public static bool Append(MemoryRange[] list, ref int count, ulong baseAddress, ulong length, MemoryKind kind)
        {
            if (length == 0)
                return true;
            if (count > 0)
            {
                MemoryRange last = list[count - 1];
                if (last.Kind == kind && last.End == baseAddress)
                {
                    list[count - 1].Length = last.Length + length;
                    return true;
                }
            }
            if (count >= list.Length)
                return false;
            list[count] = new MemoryRange(baseAddress, length, kind);
            count++;
            return true;
        }

        /// <summary>Sorts list[0..count) by Base, stable. Insertion sort: maps are short and nearly sorted.</summary>
        public static void SortByBase(MemoryRange[] list, int count)
        {
            for (int i = 1; i < count; i++)
            {
                MemoryRange item = list[i];
                int j = i - 1;
                while (j >= 0 && list[j].Base > item.Base)
                {
                    list[j + 1] = list[j];
                    j--;
                }
                list[j + 1] = item;
            }
        }

        /// <summary>Sorts values[0..count) ascending (insertion sort).</summary>
        public static void SortValues(ulong[] values, int count)
        {
            for (int i = 1; i < count; i++)
            {
                ulong item = values[i];
                int j = i - 1;
                while (j >= 0 && values[j] > item)
                {
                    values[j + 1] = values[j];
                    j--;
                }
                values[j + 1] = item;
            }
        }
    }
}
