using System.Runtime;
using MyOS.Core.Diagnostics;
using MyOS.Runtime.Collector;

namespace MyOS.Runtime.Allocation
{
    /// <summary>
    /// Every managed object, array and string is allocated here: the helpers compiled code
    /// calls for `new` (RhpNew*), and those CoreLib calls for objects it builds itself
    /// (RhAllocateNew*, RhNewString). A new object is zeroed memory whose first word, after
    /// the 8-byte header below the reference, is its MethodTable; arrays and strings store
    /// their length next. Memory comes through RuntimeMemory, which collects when it is time
    /// and when the heap is full; running out of memory even then throws OutOfMemoryException
    /// (Fail), which the shell turns into an error line.
    /// </summary>
    internal static unsafe class ObjectAllocator
    {
        /// <summary>The object header word that sits just below every object reference (included in BaseSize).</summary>
        private const nuint ObjectHeaderSize = 8;
        /// <summary>Arrays larger than this are refused, as .NET refuses them.</summary>
        private const ulong MaxObjectBytes = 0x7FFF_FFFF;

        [RuntimeExport("RhpNewFast")]
        private static void* NewObject(MethodTable* type) => Allocate(type, type->BaseSize);

        /// <summary>An object with a finalizer: registered with the collector, which runs the finalizer once the object is unreachable.</summary>
        [RuntimeExport("RhpNewFinalizable")]
        private static void* NewFinalizable(MethodTable* type) => AllocateFinalizable(type);

        [RuntimeExport("RhpNewArrayFast")]
        private static void* NewArray(MethodTable* type, int length) => AllocateArray(type, length);

        [RuntimeExport("RhpNewPtrArrayFast")]
        private static void* NewReferenceArray(MethodTable* type, int length) => AllocateArray(type, length);

        [RuntimeExport("RhNewString")]
        private static void* NewString(MethodTable* type, int length) => AllocateArray(type, length);

        /// <summary>CoreLib's own object allocation (statics bases, boxing in CoreLib code); flags (pinned, ...) mean nothing to a non-moving heap.</summary>
        [RuntimeExport("RhAllocateNewObject")]
        private static void NewObjectInto(MethodTable* type, uint flags, void** result) =>
            *result = type->HasFinalizer ? AllocateFinalizable(type) : Allocate(type, type->BaseSize);

        /// <summary>A new object whose type has a finalizer, registered with the collector.</summary>
        private static void* AllocateFinalizable(MethodTable* type)
        {
            void* reference = Allocate(type, type->BaseSize);
            if (reference != null && !Finalization.Register(reference))
                return Fail("OutOfMemoryException", "Insufficient memory to continue the execution of the program.");
            return reference;
        }

        [RuntimeExport("RhAllocateNewArray")]
        private static void NewArrayInto(MethodTable* type, uint length, uint flags, void** result) =>
            *result = length > int.MaxValue ? Fail("OutOfMemoryException", "array is larger than 2 GiB") : AllocateArray(type, (int)length);

        /// <summary>An array or string of <paramref name="length"/> elements.</summary>
        private static void* AllocateArray(MethodTable* type, int length)
        {
            if (length < 0)
                return Fail("OverflowException", "Arithmetic operation resulted in an overflow (negative array length).");
            ulong bytes = type->BaseSize + (ulong)type->ComponentSize * (uint)length;
            if (bytes > MaxObjectBytes)
                return Fail("OutOfMemoryException", "Array dimensions exceeded supported range.");
            byte* array = (byte*)Allocate(type, (nuint)bytes);
            *(int*)(array + sizeof(void*)) = length;
            return array;
        }

        /// <summary>
        /// The one place object memory is taken: <paramref name="bytes"/> (header included),
        /// zeroed and rounded up to 8 by the memory it comes from; returns the object reference
        /// (past the header).
        /// </summary>
        private static void* Allocate(MethodTable* type, nuint bytes)
        {
            byte* memory = (byte*)RuntimeMemory.AllocateObject(bytes);
            if (memory == null)
                return Fail("OutOfMemoryException", "Insufficient memory to continue the execution of the program.");
            byte* reference = memory + ObjectHeaderSize;
            *(MethodTable**)reference = type;
            return reference;
        }

        private static void* Fail(string exceptionName, string message)
        {
            Exceptions.AllocationFailure.Throw(exceptionName, message);
            return null;
        }
    }
}
