using Internal.Runtime.CompilerHelpers;

namespace System
{
    /// <summary>Where an array's elements start: after the MethodTable pointer and the (padded) length.</summary>
    internal static unsafe class ArrayData
    {
        /// <summary>Address of element 0 of <paramref name="array"/>.</summary>
        internal static void* First(Array array) => (byte*)StartupCodeHelpers.GetObjectAddress(array) + 2 * sizeof(void*);
    }
}
