namespace System.Runtime.CompilerServices
{
    /// <summary>Helpers the C# compiler emits calls to.</summary>
    public static class RuntimeHelpers
    {
        /// <summary>Byte offset of a string's first character from the object reference.</summary>
        public static int OffsetToStringData => 12;

        /// <summary>Copies constant array data into a new array; ILC expands it at compile time.</summary>
        [Intrinsic]
        public static extern void InitializeArray(Array array, RuntimeFieldHandle fldHandle);

        /// <summary>Whether T is a reference type or contains references; ILC answers at compile time.</summary>
        [Intrinsic]
        public static bool IsReferenceOrContainsReferences<T>() => true;
    }
}
