namespace MyOS.Core.Memory.Heap
{
    /// <summary>
    /// What the garbage collector tells the heap's sweep about each allocated managed block:
    /// whether the object in it survives. A struct implementing it lets the compiler call it
    /// directly (no virtual call per block).
    /// </summary>
    public unsafe interface ISweepDecision
    {
        /// <summary>True when the managed block at <paramref name="payload"/> stays; false frees it.</summary>
        bool Survives(byte* payload);
    }
}
