using System.Runtime;
using MyOS.Runtime.Allocation;
using MyOS.Runtime.Collector;

namespace MyOS.Runtime.Handles
{
    /// <summary>
    /// GC handles (GCHandle, weak references, dependent handles of ConditionalWeakTable): a
    /// handle is the address of a <see cref="HandleSlot"/>, whose first word is the object, so
    /// CoreLib reads a handle's target directly. Slots come in chunks that live for the whole
    /// run and are reused through a free list. Invariant: a slot is either in use (Kind is a
    /// GCHandleType) or on the free list (Kind == Free, Target = next free slot).
    /// For the collector, strong and pinned handles are roots, weak handles are cleared when
    /// their object dies (short ones before finalization, long ones after), and a dependent
    /// handle keeps its secondary alive exactly while its primary is alive.
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

        /// <summary>Marks the objects of strong and pinned handles (and of any kind that is not weak or dependent).</summary>
        internal static void MarkStrongTargets()
        {
            for (HandleSlot* chunk = s_chunks; chunk != null; chunk = (HandleSlot*)chunk->Secondary)
            {
                for (int i = 1; i < SlotsPerChunk; i++)
                {
                    nint kind = chunk[i].Kind;
                    if (kind >= HandleSlot.Normal && kind != HandleSlot.Dependent)
                        Marker.Mark(chunk[i].Target);
                }
            }
        }

        /// <summary>
        /// Marks the secondary of every dependent handle whose primary is alive; returns true
        /// when that marked anything (the caller traces, then asks again until nothing changes).
        /// </summary>
        internal static bool MarkDependentSecondaries()
        {
            ulong before = Marker.MarkedObjects;
            for (HandleSlot* chunk = s_chunks; chunk != null; chunk = (HandleSlot*)chunk->Secondary)
            {
                for (int i = 1; i < SlotsPerChunk; i++)
                {
                    HandleSlot* slot = chunk + i;
                    if (slot->Kind == HandleSlot.Dependent && slot->Target != null && Marker.IsAlive(slot->Target))
                        Marker.Mark(slot->Secondary);
                }
            }

            return Marker.MarkedObjects != before;
        }

        /// <summary>
        /// Clears the handles of <paramref name="kind"/> (Weak or WeakTrackResurrection) whose
        /// object was not marked; with WeakTrackResurrection, dead dependent handles too.
        /// </summary>
        internal static void ClearDead(int kind)
        {
            for (HandleSlot* chunk = s_chunks; chunk != null; chunk = (HandleSlot*)chunk->Secondary)
            {
                for (int i = 1; i < SlotsPerChunk; i++)
                {
                    HandleSlot* slot = chunk + i;
                    bool dependent = kind == HandleSlot.WeakTrackResurrection && slot->Kind == HandleSlot.Dependent;
                    if ((slot->Kind != kind && !dependent) || slot->Target == null || Marker.IsAlive(slot->Target))
                        continue;
                    slot->Target = null;
                    if (dependent)
                        slot->Secondary = null;
                }
            }
        }

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
