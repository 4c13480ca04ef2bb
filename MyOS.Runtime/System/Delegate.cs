namespace System
{
    /// <summary>
    /// The base class of delegates. Field layout is a contract with ILC: the target object,
    /// and the function pointers the compiler's delegate constructors fill in.
    /// </summary>
    public abstract class Delegate
    {
        /// <summary>The object the method is called on (or the delegate itself for static methods).</summary>
        internal object m_firstParameter;
        /// <summary>Helper object for open/closed-static thunks.</summary>
        internal object m_helperObject;
        /// <summary>Extra data for thunks.</summary>
        internal nint m_extraFunctionPointerOrData;
        /// <summary>The code to call.</summary>
        internal IntPtr m_functionPointer;
    }
}
