namespace System.Runtime.CompilerServices
{
    /// <summary>Language features the runtime supports; Roslyn checks these names exist.</summary>
    public static class RuntimeFeature
    {
        /// <summary>Interfaces may have method bodies.</summary>
        public const string DefaultImplementationsOfInterfaces = nameof(DefaultImplementationsOfInterfaces);
        /// <summary>Interfaces may have static virtual members.</summary>
        public const string VirtualStaticsInInterfaces = nameof(VirtualStaticsInInterfaces);
        /// <summary>Function pointers may name an unmanaged calling convention.</summary>
        public const string UnmanagedSignatureCallingConvention = nameof(UnmanagedSignatureCallingConvention);
        /// <summary>IntPtr and UIntPtr are the native integers nint and nuint.</summary>
        public const string NumericIntPtr = nameof(NumericIntPtr);
        /// <summary>ref fields in ref structs.</summary>
        public const string ByRefFields = nameof(ByRefFields);
    }
}
