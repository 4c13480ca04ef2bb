namespace System.Runtime.CompilerServices
{
    /// <summary>Layout contract with ILC: the address of a static constructor still to run, or zero once it ran.</summary>
    public struct StaticClassConstructionContext
    {
        /// <summary>Static constructor address; zero after it has run.</summary>
        public IntPtr cctorMethodAddress;
    }
}
