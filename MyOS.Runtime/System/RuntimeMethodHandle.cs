namespace System
{
    /// <summary>An opaque handle the compiler emits for ldtoken.</summary>
    public struct RuntimeMethodHandle
    {
        /// <summary>The underlying pointer.</summary>
        private IntPtr _value;
    }
}
