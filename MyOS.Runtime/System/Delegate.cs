using Internal.Runtime;

namespace System
{
    /// <summary>
    /// The base class of delegates. Field layout is a contract with ILC: the compiler turns
    /// `new SomeDelegate(target, method)` into a call to one of the Initialize* methods below
    /// (looked up by name), and each delegate type's Invoke reads the fields back: it calls
    /// <see cref="_functionPointer"/> with <see cref="_firstParameter"/> as the first argument.
    /// Instance methods and lambdas (with or without captures: both are instance methods of a
    /// closure object) are "closed instance" delegates; static methods go through a thunk that
    /// ILC generates, which finds the real target in <see cref="_extraFunctionPointerOrData"/>.
    /// Multicast (+=) is not supported.
    /// </summary>
    public abstract class Delegate
    {
        /// <summary>The object the method is called on (or the delegate itself when a thunk is used).</summary>
        internal object _firstParameter;
        /// <summary>Helper object for closed-static thunks (the bound first argument).</summary>
        internal object _helperObject;
        /// <summary>The real target when <see cref="_functionPointer"/> is a thunk.</summary>
        internal nint _extraFunctionPointerOrData;
        /// <summary>The code Invoke calls.</summary>
        internal IntPtr _functionPointer;

        private void InitializeClosedInstance(object firstParameter, IntPtr functionPointer)
        {
            if (firstParameter == null)
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentNullException();
            _functionPointer = functionPointer;
            _firstParameter = firstParameter;
        }

        private void InitializeClosedInstanceSlow(object firstParameter, IntPtr functionPointer) =>
            InitializeClosedInstance(firstParameter, functionPointer);

        private void InitializeOpenStaticThunk(object firstParameter, IntPtr functionPointer, IntPtr functionPointerThunk)
        {
            _firstParameter = this;
            _functionPointer = functionPointerThunk;
            _extraFunctionPointerOrData = functionPointer;
        }

        private void InitializeClosedStaticThunk(object firstParameter, IntPtr functionPointer, IntPtr functionPointerThunk)
        {
            _extraFunctionPointerOrData = functionPointer;
            _helperObject = firstParameter;
            _functionPointer = functionPointerThunk;
            _firstParameter = this;
        }

        private void InitializeOpenInstanceThunk(object firstParameter, IntPtr functionPointer, IntPtr functionPointerThunk) =>
            InitializeOpenStaticThunk(firstParameter, functionPointer, functionPointerThunk);

        private void InitializeClosedInstanceWithGVMResolution(object firstParameter, RuntimeMethodHandle tokenOfGenericVirtualMethod) =>
            RuntimeFailure.Fail("NotSupportedException", "Delegates to generic virtual methods are not supported.");

        private void InitializeClosedInstanceToInterface(object firstParameter, IntPtr dispatchCell) =>
            RuntimeFailure.Fail("NotSupportedException", "Delegates to interface methods are not supported.");

        /// <summary>The object the delegate calls its method on (null for static methods).</summary>
        public object Target => _firstParameter == this ? _helperObject : _firstParameter;
    }
}
