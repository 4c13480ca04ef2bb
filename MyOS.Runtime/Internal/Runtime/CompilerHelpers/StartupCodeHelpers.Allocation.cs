using System.Runtime;

namespace Internal.Runtime.CompilerHelpers
{
    /// <summary>The allocation helpers compiled code calls for `new`, arrays, strings and boxing.</summary>
    internal static unsafe partial class StartupCodeHelpers
    {
        /// <summary>Size of the object header that sits just below every object reference.</summary>
        private const uint ObjectHeaderSize = 8;

        /// <summary>Allocates a non-array object of type <paramref name="type"/>.</summary>
        [RuntimeExport("RhpNewFast")]
        private static object RhpNewFast(MethodTable* type) => AllocateObject(type, type->BaseSize);

        /// <summary>Allocates a finalizable object; MyOS has no finalizer thread, so it is an ordinary object.</summary>
        [RuntimeExport("RhpNewFinalizable")]
        private static object RhpNewFinalizable(MethodTable* type) => AllocateObject(type, type->BaseSize);

        /// <summary>Allocates an array (or string) of <paramref name="length"/> elements.</summary>
        [RuntimeExport("RhpNewArray")]
        private static object RhpNewArray(MethodTable* type, int length) => AllocateArray(type, length);

        /// <summary>Allocates an array of values (the compiler's fast path name).</summary>
        [RuntimeExport("RhpNewArrayFast")]
        private static object RhpNewArrayFast(MethodTable* type, int length) => AllocateArray(type, length);

        /// <summary>Allocates an array of references (the compiler's fast path name).</summary>
        [RuntimeExport("RhpNewPtrArrayFast")]
        private static object RhpNewPtrArrayFast(MethodTable* type, int length) => AllocateArray(type, length);

        /// <summary>Allocates an array whose element type needs 8-byte alignment; every block is 8-byte aligned anyway.</summary>
        [RuntimeExport("RhpNewArrayAlign8")]
        private static object RhpNewArrayAlign8(MethodTable* type, int length) => AllocateArray(type, length);

        /// <summary>The runtime's own entry for allocating objects of a given type (boxing, statics).</summary>
        [RuntimeExport("RhNewObject")]
        internal static object RhNewObject(MethodTable* type) => AllocateObject(type, type->BaseSize);

        /// <summary>Allocates an array or string, checking the length.</summary>
        internal static object AllocateArray(MethodTable* type, int length)
        {
            if (length < 0)
                RuntimeFailure.Fail("OverflowException", "Array length is negative.");
            ulong bytes = type->BaseSize + (ulong)type->ComponentSize * (uint)length;
            if (bytes > 0x7FFF_FFFF)
                RuntimeFailure.Fail("OutOfMemoryException", "Array is larger than 2 GiB.");
            object result = AllocateObject(type, (nuint)bytes);
            // The length is the first field after the MethodTable pointer.
            *(int*)((byte*)GetObjectAddress(result) + sizeof(void*)) = length;
            return result;
        }

        /// <summary>
        /// The one place managed memory comes from. Takes <paramref name="bytes"/> (which include
        /// the object header) from the kernel's allocator, zeroed, and sets the MethodTable.
        /// </summary>
        internal static object AllocateObject(MethodTable* type, nuint bytes)
        {
            bytes = (bytes + 7) & ~(nuint)7;
            void* memory = KernelHooks.Allocate != null
                ? KernelHooks.Allocate(bytes)
                : BootstrapAllocator.Allocate(bytes);
            if (memory == null && KernelHooks.Allocate == null)
                RuntimeFailure.Fail("OutOfMemoryException", BootstrapAllocator.ExhaustedMessage);
            if (memory == null)
                RuntimeFailure.Fail("OutOfMemoryException", "Insufficient memory to continue the execution of the program.");
            byte* objectAddress = (byte*)memory + ObjectHeaderSize;
            *(MethodTable**)objectAddress = type;
            return ObjectAt(objectAddress);
        }

        /// <summary>The object whose MethodTable pointer is at <paramref name="address"/>.</summary>
        private static object ObjectAt(void* address) => *(object*)&address;

        /// <summary>The address an object reference holds.</summary>
        internal static void* GetObjectAddress(object obj) => *(void**)&obj;
    }
}
