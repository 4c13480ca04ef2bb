using System.Runtime;
using MyOS.Runtime.Allocation;

namespace MyOS.Runtime.Handles
{
    /// <summary>
    /// GC handles (GCHandle, weak references, dependent handles of ConditionalWeakTable): a
    /// handle is the address of a <see cref="HandleSlot"/>, whose first word is the object, so
    /// CoreLib reads a handle's target directly. Slots come in chunks that live for the whole
    /// run and are reused through a free list. Invariant: a slot is either in use (Kind is a
    /// GCHandleType) or on the free list (Kind == Free, Target = next free slot).
    /// Until the collector lands every kind keeps its object alive; the collector will give
    /// weak kinds their meaning.
    /// </summary>
    internal static unsafe class HandleTable
    {
        private const int SlotsPerChunk = 128;

        /// <summary>The chunks handed out so far, linked through their first slot's Secondary (for the collector's root scan).</summary>
        private static HandleSlot* s_chunks;
        private static HandleSlot* s_free;

        [RuntimeExport("RhpHandleAlloc")]
        private static HandleSlot* Allocate(void* target, int kind) => Take(target, null, kind);

        [RuntimeExport("RhpHandleAllocDependent")]
        private static HandleSlot* AllocateDependent(void* primary, void* secondary) =>
            Take(primary, secondary, HandleSlot.Dependent);

        [RuntimeExport("RhHandleFree")]
        private static void Free(HandleSlot* slot)
        {
            if (slot == null || slot->Kind == HandleSlot.Free)
                return;
            slot->Kind = HandleSlot.Free;
            slot->Secondary = null;
            slot->Target = s_free;
            s_free = slot;
        }

        [RuntimeExport("RhHandleGet")]
        private static void* Get(HandleSlot* slot) => slot->Target;

        [RuntimeExport("RhHandleSet")]
        private static void Set(HandleSlot* slot, void* target) => slot->Target = target;

        [RuntimeExport("RhHandleGetDependent")]
        private static void* GetDependent(HandleSlot* slot, void** secondary)
        {
            *secondary = slot->Secondary;
            return slot->Target;
        }

        [RuntimeExport("RhHandleSetDependentSecondary")]
        private static void SetDependentSecondary(HandleSlot* slot, void* secondary) => slot->Secondary = secondary;

        private static HandleSlot* Take(void* target, void* secondary, int kind)
        {
            if (s_free == null)
                AddChunk();
            HandleSlot* slot = s_free;
            s_free = (HandleSlot*)slot->Target;
            slot->Target = target;
            slot->Secondary = secondary;
            slot->Kind = kind;
            return slot;
        }

        /// <summary>A new chunk: slot 0 links the chunks together, the others go on the free list.</summary>
        private static void AddChunk()
        {
            HandleSlot* chunk = (HandleSlot*)RuntimeMemory.AllocateRaw((nuint)(SlotsPerChunk * sizeof(HandleSlot)));
            chunk->Kind = HandleSlot.ChunkLink;
            chunk->Secondary = s_chunks;
            s_chunks = chunk;
            for (int i = SlotsPerChunk - 1; i >= 1; i--)
            {
                chunk[i].Kind = HandleSlot.Free;
                chunk[i].Target = s_free;
                s_free = chunk + i;
            }
        }
    }
}
