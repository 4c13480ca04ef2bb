using System.Runtime;
using System.Runtime.InteropServices;
using MyOS.Core.Diagnostics;
using MyOS.Runtime.Allocation;

namespace MyOS.Runtime.Dispatch
{
    /// <summary>
    /// A call site's interface dispatch cell as ILC emits it, and the three runtime calls
    /// CoreLib's resolver (RhpResolveInterfaceMethod) makes on it. Compiled code calls through
    /// <see cref="Stub"/> with the cell's address in r11. Cells calling the same interface slot
    /// form a run that ends with a cell whose Stub is null and whose second word holds the slot.
    /// Before the first call <see cref="CacheWord"/> names the interface (tagged in its low two
    /// bits); after it, it points at this cell's <see cref="DispatchCache"/> (8-byte aligned,
    /// tag 0) and Stub is the cached stub.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct DispatchCell
    {
        public void* Stub;
        public nint CacheWord;

        private const nint TagMask = 3;
        /// <summary>Tag 0 with a value below this: a vtable offset, not a cache pointer.</summary>
        private const nuint MaxVTableOffsetPlusOne = 0x1000;
        private const nint InterfacePointer = 1;
        private const nint IndirectRelativeInterfacePointer = 2;
        private const nint RelativeInterfacePointer = 3;

        [DllImport("*", EntryPoint = "interface_dispatch_cached_stub"), SuppressGCTransition]
        private static extern void* CachedStub();

        [DllImport("*", EntryPoint = "interface_dispatch_initial_stub"), SuppressGCTransition]
        private static extern void* InitialStub();

        /// <summary>
        /// A cell for an interface call made at run time (reflection, delegates to interface
        /// methods): a run of one cell naming <paramref name="interfaceType"/> absolutely, ended
        /// by the cell that holds the slot. Lives for the whole run, as compiled cells do.
        /// </summary>
        [RuntimeExport("RhNewInterfaceDispatchCell")]
        private static DispatchCell* NewCell(MethodTable* interfaceType, int slot)
        {
            DispatchCell* cells = (DispatchCell*)RuntimeMemory.AllocateRaw((nuint)(2 * sizeof(DispatchCell)));
            cells[0].Stub = InitialStub();
            cells[0].CacheWord = (nint)interfaceType | InterfacePointer;
            cells[1].Stub = null;
            cells[1].CacheWord = slot;
            return cells;
        }

        [RuntimeExport("RhpGetDispatchCellInfo")]
        private static void GetInfo(DispatchCell* cell, DispatchCellInfo* info) => *info = cell->Describe();

        /// <summary>The code cached for receivers of <paramref name="type"/>, or null.</summary>
        [RuntimeExport("RhpSearchDispatchCellCache")]
        private static void* SearchCache(DispatchCell* cell, MethodTable* type)
        {
            DispatchCache* cache = cell->Cache;
            return cache != null && cache->InstanceType == type ? cache->Target : null;
        }

        /// <summary>Caches <paramref name="target"/> for receivers of <paramref name="type"/> and returns it.</summary>
        [RuntimeExport("RhpUpdateDispatchCellCache")]
        private static void* UpdateCache(DispatchCell* cell, void* target, MethodTable* type, DispatchCellInfo* info)
        {
            if (info->CellType != DispatchCellInfo.InterfaceAndSlot)
                return target;  // vtable-offset cells need no cache: the stub's slow path reads the vtable
            DispatchCache* cache = cell->Cache;
            if (cache == null)
            {
                cache = (DispatchCache*)RuntimeMemory.AllocateRaw((nuint)sizeof(DispatchCache));
                cache->Info = *info;
                cache->Info.HasCache = 1;
            }
            cache->InstanceType = type;
            cache->Target = target;
            cell->CacheWord = (nint)cache;
            cell->Stub = CachedStub();
            return target;
        }

        /// <summary>This cell's cache block, or null before its first resolution.</summary>
        private DispatchCache* Cache =>
            (CacheWord & TagMask) == 0 && (nuint)CacheWord >= MaxVTableOffsetPlusOne ? (DispatchCache*)CacheWord : null;

        private DispatchCellInfo Describe()
        {
            DispatchCache* cache = Cache;
            if (cache != null)
                return cache->Info;
            DispatchCellInfo info = default;
            if ((CacheWord & TagMask) == 0)
            {
                info.CellType = DispatchCellInfo.VTableOffsetCell;
                info.VTableOffset = (uint)CacheWord;
                info.HasCache = 1;
                return info;
            }
            info.CellType = DispatchCellInfo.InterfaceAndSlot;
            info.InterfaceSlot = (ushort)SlotOfRun();
            fixed (nint* word = &CacheWord)
            {
                byte* untagged = (byte*)(CacheWord & ~TagMask);
                byte* relative = (byte*)word + (*(int*)word & ~(int)TagMask);
                switch (CacheWord & TagMask)
                {
                    case InterfacePointer:
                        info.InterfaceType = (MethodTable*)untagged;
                        break;
                    case RelativeInterfacePointer:
                        info.InterfaceType = (MethodTable*)relative;
                        break;
                    case IndirectRelativeInterfacePointer:
                        info.InterfaceType = *(MethodTable**)relative;
                        break;
                }
            }
            if (info.InterfaceType == null)
                Panic.Fail("an interface dispatch cell names no interface");
            return info;
        }

        /// <summary>The slot stored after the null-stub cell that ends this cell's run.</summary>
        private nint SlotOfRun()
        {
            fixed (DispatchCell* self = &this)
            {
                DispatchCell* cell = self;
                while (cell->Stub != null)
                    cell++;
                return cell->CacheWord;
            }
        }
    }
}
