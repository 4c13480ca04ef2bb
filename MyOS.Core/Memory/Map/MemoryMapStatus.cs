namespace MyOS.Core.Memory.Map
{
    /// <summary>Outcome of a MemoryMap operation. On any value but Ok the map is unchanged.</summary>
    public enum MemoryMapStatus : uint
    {
        /// <summary>Done.</summary>
        Ok = 0,
        /// <summary>The result would need more ranges than the map's capacity.</summary>
        Full,
        /// <summary>Base + length passes 2^64.</summary>
        InvalidRange,
        /// <summary>Reserve was called before Build (or after an Add that needs a new Build).</summary>
        NotBuilt,
    }
}
