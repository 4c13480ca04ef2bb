namespace MyOS.Core.Memory
{
    /// <summary>
    /// The heap check's view of the free tree: order, parent links, heights, balance and maxima
    /// recomputed from scratch, node by node. Read-only; bounded by depth and node count so a
    /// damaged tree (even one with a cycle) ends the check instead of looping.
    /// </summary>
    public unsafe partial struct FreeBlockTree
    {
        /// <summary>Deeper than any AVL tree that fits in memory (1.44 log2 n): a deeper path is a cycle.</summary>
        const int MaxCheckDepth = 96;

        /// <summary>
        /// Checks the whole tree and that it has exactly <paramref name="expectedCount"/> nodes,
        /// each in a free block inside one of the regions starting at <paramref name="regions"/>.
        /// </summary>
        public HeapCheckResult Validate(ulong expectedCount, RegionHeader* regions)
        {
            ulong count = 0;
            uint height, max;
            HeapCheckResult result = CheckSubtree(Root, null, 0, 0xFFFFFFFFFFFFFFFFUL, 1, expectedCount, regions,
                ref count, out height, out max);
            if (!result.IsOk)
                return result;
            if (count != expectedCount)
                return new HeapCheckResult(HeapCheckStatus.IndexMissingBlock, 0);
            return result;
        }

        /// <summary>Checks one subtree whose addresses must lie strictly between low and high.</summary>
        static HeapCheckResult CheckSubtree(FreeBlockEntry* node, FreeBlockEntry* parent, ulong low, ulong high, int depth,
            ulong limit, RegionHeader* regions, ref ulong count, out uint height, out uint max)
        {
            height = 0;
            max = 0;
            if (node == null)
                return new HeapCheckResult(HeapCheckStatus.Ok, 0);
            BlockHeader* block = FreeBlockEntry.Block(node);
            ulong address = (ulong)block;
            if (depth > MaxCheckDepth || (ulong)node <= low || (ulong)node >= high)
                return new HeapCheckResult(HeapCheckStatus.IndexOrder, address);
            if (count >= limit || RegionHeader.Find(regions, (byte*)block) == null
                || RegionHeader.Find(regions, (byte*)block + BlockHeader.MinBlockBytes - 1) == null)
                return new HeapCheckResult(HeapCheckStatus.IndexExtraBlock, address);
            count++;
            if (!BlockHeader.IsIntact(block) || !block->IsFree)
                return new HeapCheckResult(HeapCheckStatus.IndexExtraBlock, address);
            if (node->Parent != parent)
                return new HeapCheckResult(HeapCheckStatus.IndexParent, address);

            uint leftHeight, leftMax, rightHeight, rightMax;
            HeapCheckResult result = CheckSubtree(node->Left, node, low, (ulong)node, depth + 1, limit, regions,
                ref count, out leftHeight, out leftMax);
            if (!result.IsOk)
                return result;
            result = CheckSubtree(node->Right, node, (ulong)node, high, depth + 1, limit, regions,
                ref count, out rightHeight, out rightMax);
            if (!result.IsOk)
                return result;

            uint taller = leftHeight > rightHeight ? leftHeight : rightHeight;
            uint shorter = leftHeight > rightHeight ? rightHeight : leftHeight;
            if (node->Height != taller + 1 || taller - shorter > 1)
                return new HeapCheckResult(HeapCheckStatus.IndexBalance, address);
            if (node->LeftMaxUnits != leftMax || node->RightMaxUnits != rightMax)
                return new HeapCheckResult(HeapCheckStatus.IndexMax, address);
            height = node->Height;
            max = FreeBlockEntry.SubtreeMaxUnits(node);
            return result;
        }
    }
}
