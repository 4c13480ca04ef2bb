using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;

namespace System.Runtime
{
    /// <summary>
    /// Resolves interface calls. A call site calls through its <see cref="InterfaceDispatchCell"/>;
    /// the first call (and any call whose receiver type differs from the cached one) lands in
    /// the assembly stub, which saves the argument registers and asks <see cref="Resolve"/> for
    /// the target. Resolution walks the receiver's class chain looking in each class's dispatch
    /// map for the interface method, first among the class's own implementations, then among
    /// default interface methods. The cell then caches the last receiver type and target
    /// (a one-entry cache that the stub checks in three instructions).
    /// Not supported: generic variance in dispatch, default methods of generic interfaces that
    /// need a generic context, and interface calls on arrays (T[] as IList&lt;T&gt;).
    /// </summary>
    internal static unsafe class InterfaceDispatch
    {
        /// <summary>Caches are handed out from chunks that live for the whole run (call sites never die).</summary>
        private const int CachesPerChunk = 64;
        /// <summary>Every chunk allocated so far, so a future collector sees them as reachable.</summary>
        private static InterfaceDispatchCache[][] s_chunks;
        /// <summary>Number of chunks in <see cref="s_chunks"/>.</summary>
        private static int s_chunkCount;
        /// <summary>Caches used in the newest chunk.</summary>
        private static int s_usedInChunk = CachesPerChunk;

        /// <summary>The code to run for the call through <paramref name="cell"/> on <paramref name="receiver"/>; updates the cell's cache.</summary>
        internal static void* Resolve(object receiver, InterfaceDispatchCell* cell)
        {
            if (receiver == null)
                ThrowHelpers.ThrowNullReferenceException();
            InterfaceDispatchCache* cache;
            if ((cell->Cache & InterfaceDispatchCell.TagMask) == InterfaceDispatchCell.RelativeInterfaceTag)
            {
                cache = NewCache();
                int* relative = (int*)&cell->Cache;
                cache->InterfaceType = (MethodTable*)((byte*)relative + (*relative & ~(int)InterfaceDispatchCell.TagMask));
                cache->Slot = SlotOf(cell);
            }
            else
            {
                cache = (InterfaceDispatchCache*)cell->Cache;
            }
            MethodTable* type = receiver.m_pEEType;
            void* target = FindImplementation(type, cache->InterfaceType, (ushort)cache->Slot);
            if (target == null)
                TypeCast.FailCast(type, cache->InterfaceType, "EntryPointNotFoundException", "Interface method not implemented: ");
            cache->InstanceType = type;
            cache->Target = target;
            cell->Cache = (nint)cache;
            return target;
        }

        /// <summary>The interface slot of a cell: stored after the null-stub cell that ends its group.</summary>
        private static nint SlotOf(InterfaceDispatchCell* cell)
        {
            while (cell->Stub != null)
                cell++;
            return cell->Cache;
        }

        /// <summary>
        /// The code implementing slot <paramref name="slot"/> of <paramref name="interfaceType"/> for
        /// objects of <paramref name="type"/>, or null.
        /// </summary>
        internal static void* FindImplementation(MethodTable* type, MethodTable* interfaceType, ushort slot)
        {
            for (int pass = 0; pass < 2; pass++)
            {
                bool defaults = pass == 1;
                for (MethodTable* current = type; current != null; current = current->IsArray ? null : current->RelatedType)
                {
                    DispatchMap* map = current->DispatchMap;
                    if (map == null)
                        continue;
                    int first = defaults ? map->StandardEntryCount : 0;
                    int end = defaults ? map->StandardEntryCount + map->DefaultEntryCount : map->StandardEntryCount;
                    for (int i = first; i < end; i++)
                    {
                        DispatchMapEntry* entry = map->Entry(i);
                        if (entry->InterfaceMethodSlot != slot || current->InterfaceMap[entry->InterfaceIndex] != interfaceType)
                            continue;
                        ushort implementation = entry->ImplementationSlot;
                        if (implementation >= 0xFFFE)
                            return null;
                        // A virtual slot is read from the receiver's own vtable, so overrides win.
                        if (implementation < current->VTableSlotCount)
                            return type->VTable[implementation];
                        return current->SealedVirtualSlot(implementation - current->VTableSlotCount);
                    }
                }
            }
            return null;
        }

        private static InterfaceDispatchCache* NewCache()
        {
            if (s_usedInChunk == CachesPerChunk)
            {
                if (s_chunks == null || s_chunkCount == s_chunks.Length)
                {
                    InterfaceDispatchCache[][] grown = new InterfaceDispatchCache[s_chunkCount * 2 + 4][];
                    for (int i = 0; i < s_chunkCount; i++)
                        grown[i] = s_chunks[i];
                    s_chunks = grown;
                }
                s_chunks[s_chunkCount++] = new InterfaceDispatchCache[CachesPerChunk];
                s_usedInChunk = 0;
            }
            // Objects never move (no compacting collector), so the element's address stays valid.
            fixed (InterfaceDispatchCache* first = &s_chunks[s_chunkCount - 1][0])
                return first + s_usedInChunk++;
        }
    }
}
