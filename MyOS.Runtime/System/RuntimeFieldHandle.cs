namespace System
{
    /// <summary>An opaque handle the compiler emits for ldtoken.</summary>
    public struct RuntimeFieldHandle
    {
        /// <summary>The underlying pointer.</summary>
        private IntPtr _value;
    }
}
