namespace System
{
    /// <summary>An opaque handle the compiler emits for ldtoken.</summary>
    public struct RuntimeTypeHandle
    {
        /// <summary>The underlying pointer.</summary>
        private IntPtr _value;

        /// <summary>Wraps a compiler-emitted pointer.</summary>
        internal RuntimeTypeHandle(IntPtr value) => _value = value;

        /// <summary>The underlying pointer.</summary>
        public IntPtr Value => _value;
    }
}
