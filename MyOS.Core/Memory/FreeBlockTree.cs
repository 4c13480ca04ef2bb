using System.Runtime.CompilerServices;

namespace MyOS.Core.Memory
{
    /// <summary>
    /// The free blocks of a heap as an AVL tree ordered by address, its nodes living inside the
    /// free blocks (FreeBlockEntry). Invariant: in-order is address order, sibling heights differ
    /// by at most 1, and every node's LeftMaxUnits/RightMaxUnits are the largest block sizes in
    /// its subtrees, so the lowest-address block of at least n units is found by one left-first
    /// descent that reads one node per level: O(log n).
    /// </summary>
    public unsafe partial struct FreeBlockTree
    {
        /// <summary>The root node; null when there are no free blocks.</summary>
        public FreeBlockEntry* Root;

        /// <summary>Size of the largest free block in 8-byte units; 0 when there is none.</summary>
        public uint MaxUnits => Root == null ? 0 : FreeBlockEntry.SubtreeMaxUnits(Root);

        /// <summary>The lowest-address free block of at least <paramref name="needUnits"/> units, or null.</summary>
        public FreeBlockEntry* FindFirst(uint needUnits) => LowestFit(Root, needUnits);

        /// <summary>
        /// The next free block after <paramref name="node"/> (in address order) of at least
        /// <paramref name="needUnits"/> units, or null. Skips every subtree whose maximum is too small.
        /// </summary>
        public static FreeBlockEntry* FindNext(FreeBlockEntry* node, uint needUnits)
        {
            if (node->RightMaxUnits >= needUnits)
                return LowestFit(node->Right, needUnits);
            while (node->Parent != null)
            {
                FreeBlockEntry* parent = node->Parent;
                if (parent->Left == node)
                {
                    if (SizeOf(parent) >= needUnits)
                        return parent;
                    if (parent->RightMaxUnits >= needUnits)
                        return LowestFit(parent->Right, needUnits);
                }
                node = parent;
            }
            return null;
        }

        /// <summary>Adds a free block's node (its header must already hold its size).</summary>
        public void Insert(FreeBlockEntry* node)
        {
            node->Left = null;
            node->Right = null;
            node->LeftMaxUnits = 0;
            node->RightMaxUnits = 0;
            node->Height = 1;
            if (Root == null)
            {
                node->Parent = null;
                Root = node;
                return;
            }
            FreeBlockEntry* parent = Root;
            uint side;
            while (true)
            {
                side = node > parent ? 1u : 0u;
                FreeBlockEntry* next = FreeBlockEntry.Child(parent, side);
                if (next == null)
                    break;
                parent = next;
            }
            *FreeBlockEntry.ChildLink(parent, side) = node;
            node->Parent = parent;
            Rebalance(parent, null);
        }

        /// <summary>Takes a node out of the tree.</summary>
        public void Remove(FreeBlockEntry* node)
        {
            FreeBlockEntry* parent = node->Parent;
            FreeBlockEntry* left = node->Left;
            FreeBlockEntry* right = node->Right;
            if (left == null || right == null)
            {
                FreeBlockEntry* child = left != null ? left : right;
                if (child != null)
                    child->Parent = parent;
                ReplaceChild(parent, node, child);
                Rebalance(parent, null);
                return;
            }

            // Two children: the successor (leftmost node on the right, it has no left child) takes
            // the node's place and height; the walk up must then pass through that place.
            FreeBlockEntry* successor = right;
            while (successor->Left != null)
                successor = successor->Left;
            FreeBlockEntry* start = successor;
            if (successor != right)
            {
                start = successor->Parent;
                start->Left = successor->Right;
                if (successor->Right != null)
                    successor->Right->Parent = start;
                successor->Right = right;
                right->Parent = successor;
            }
            successor->Left = left;
            left->Parent = successor;
            successor->Parent = parent;
            ReplaceChild(parent, node, successor);
            successor->Height = node->Height;
            Rebalance(start, successor);
        }

        /// <summary>
        /// Puts <paramref name="to"/> in place of <paramref name="from"/>: a free block whose start
        /// moved (cut from the front by an allocation, or taken over by the freed block just before
        /// it) keeps its place in address order, because no other free block lies between the two
        /// addresses. The header at <paramref name="to"/> must already hold the new size.
        /// </summary>
        public void Move(FreeBlockEntry* from, FreeBlockEntry* to)
        {
            FreeBlockEntry* parent = from->Parent;
            to->Left = from->Left;
            to->Right = from->Right;
            to->Parent = parent;
            to->LeftMaxUnits = from->LeftMaxUnits;
            to->RightMaxUnits = from->RightMaxUnits;
            to->Height = from->Height;
            if (to->Left != null)
                to->Left->Parent = to;
            if (to->Right != null)
                to->Right->Parent = to;
            ReplaceChild(parent, from, to);
            SizeChanged(to);
        }

        /// <summary>
        /// Passes a node's new subtree maximum up after its block grew or shrank in place. Stops
        /// at the first ancestor that already holds that value: at once for a block smaller than
        /// its neighbours, at the root for the largest block of the heap.
        /// </summary>
        public void SizeChanged(FreeBlockEntry* node)
        {
            uint max = FreeBlockEntry.SubtreeMaxUnits(node);
            for (FreeBlockEntry* parent = node->Parent; parent != null; parent = parent->Parent)
            {
                uint* known = FreeBlockEntry.ChildMax(parent, FreeBlockEntry.SideOf(parent, node));
                if (*known == max)
                    return;
                *known = max;
                max = FreeBlockEntry.SubtreeMaxUnits(parent);
                node = parent;
            }
        }

        /// <summary>The lowest-address node; null for an empty tree.</summary>
        public FreeBlockEntry* First()
        {
            FreeBlockEntry* node = Root;
            if (node == null)
                return null;
            while (node->Left != null)
                node = node->Left;
            return node;
        }

        /// <summary>The node after <paramref name="node"/> in address order; null after the last.</summary>
        public static FreeBlockEntry* Successor(FreeBlockEntry* node)
        {
            if (node->Right != null)
            {
                node = node->Right;
                while (node->Left != null)
                    node = node->Left;
                return node;
            }
            while (node->Parent != null && node->Parent->Right == node)
                node = node->Parent;
            return node->Parent;
        }

        /// <summary>Leftmost node of at least <paramref name="needUnits"/> in a subtree; null when none.</summary>
        static FreeBlockEntry* LowestFit(FreeBlockEntry* node, uint needUnits)
        {
            while (node != null)
            {
                // Left if the left subtree has a fit, else this block if it fits, else right.
                // The side is computed, not branched on: random sizes make such a branch a coin toss.
                bool left = node->LeftMaxUnits >= needUnits;
                bool here = SizeOf(node) >= needUnits;
                if (!left & here)
                    return node;
                if (!left & node->RightMaxUnits < needUnits)
                    return null;
                node = FreeBlockEntry.Child(node, left ? 0u : 1u);
            }
            return null;
        }

        /// <summary>
        /// Walks up from <paramref name="node"/>, recomputing heights and child maxima and rotating
        /// where a node is out of balance, until a subtree's height comes out as before (but never
        /// before <paramref name="mustPass"/> is fixed). Above that only maxima can still change,
        /// and SizeChanged passes those up more cheaply, reading one node per level.
        /// </summary>
        void Rebalance(FreeBlockEntry* node, FreeBlockEntry* mustPass)
        {
            while (node != null)
            {
                FreeBlockEntry* parent = node->Parent;
                uint oldHeight = node->Height;
                if (node == mustPass)
                    mustPass = null;
                FreeBlockEntry* top = Balance(node);
                if (mustPass == null && top->Height == oldHeight)
                {
                    SizeChanged(top);
                    return;
                }
                node = parent;
            }
        }

        /// <summary>Updates a node and rotates it if its sides differ by 2; returns the subtree's new top.</summary>
        FreeBlockEntry* Balance(FreeBlockEntry* node)
        {
            Update(node);
            int balance = (int)HeightOf(node->Left) - (int)HeightOf(node->Right);
            if (balance > 1)
            {
                if (HeightOf(node->Left->Left) < HeightOf(node->Left->Right))
                    RotateLeft(node->Left);
                return RotateRight(node);
            }
            if (balance < -1)
            {
                if (HeightOf(node->Right->Right) < HeightOf(node->Right->Left))
                    RotateRight(node->Right);
                return RotateLeft(node);
            }
            return node;
        }

        /// <summary>Lifts the right child above <paramref name="node"/>; returns it.</summary>
        FreeBlockEntry* RotateLeft(FreeBlockEntry* node)
        {
            FreeBlockEntry* top = node->Right;
            FreeBlockEntry* parent = node->Parent;
            node->Right = top->Left;
            if (top->Left != null)
                top->Left->Parent = node;
            top->Left = node;
            node->Parent = top;
            top->Parent = parent;
            ReplaceChild(parent, node, top);
            Update(node);
            Update(top);
            return top;
        }

        /// <summary>Lifts the left child above <paramref name="node"/>; returns it.</summary>
        FreeBlockEntry* RotateRight(FreeBlockEntry* node)
        {
            FreeBlockEntry* top = node->Left;
            FreeBlockEntry* parent = node->Parent;
            node->Left = top->Right;
            if (top->Right != null)
                top->Right->Parent = node;
            top->Right = node;
            node->Parent = top;
            top->Parent = parent;
            ReplaceChild(parent, node, top);
            Update(node);
            Update(top);
            return top;
        }

        /// <summary>Points the parent's link (or Root) that held <paramref name="oldChild"/> at <paramref name="newChild"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        void ReplaceChild(FreeBlockEntry* parent, FreeBlockEntry* oldChild, FreeBlockEntry* newChild)
        {
            if (parent == null)
                Root = newChild;
            else
                *FreeBlockEntry.ChildLink(parent, FreeBlockEntry.SideOf(parent, oldChild)) = newChild;
        }

        /// <summary>Recomputes a node's height and child maxima from its children.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        static void Update(FreeBlockEntry* node)
        {
            FreeBlockEntry* left = node->Left;
            FreeBlockEntry* right = node->Right;
            uint leftHeight = HeightOf(left);
            uint rightHeight = HeightOf(right);
            node->Height = 1 + FreeBlockEntry.Max(leftHeight, rightHeight);
            node->LeftMaxUnits = left == null ? 0 : FreeBlockEntry.SubtreeMaxUnits(left);
            node->RightMaxUnits = right == null ? 0 : FreeBlockEntry.SubtreeMaxUnits(right);
        }

        /// <summary>Height of a subtree; 0 for an empty one.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        static uint HeightOf(FreeBlockEntry* node) => node == null ? 0 : node->Height;

        /// <summary>Size in 8-byte units of the block holding the node.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        static uint SizeOf(FreeBlockEntry* node) => FreeBlockEntry.Block(node)->SizeUnits;
    }
}
