namespace System
{
    /// <summary>The primitive type for true/false, one byte. The compiler knows its layout; it needs no fields.</summary>
    public readonly partial struct Boolean : IEquatable<bool>
    {
        /// <summary>"True", as .NET prints it.</summary>
        public static readonly string TrueString = "True";
        /// <summary>"False", as .NET prints it.</summary>
        public static readonly string FalseString = "False";

        /// <summary>Whether the values are equal.</summary>
        public bool Equals(bool obj) => this == obj;

        /// <summary>Whether <paramref name="obj"/> is a boxed bool with the same value.</summary>
        public override bool Equals(object obj) => obj is bool other && this == other;

        /// <summary>1 for true, 0 for false.</summary>
        public override int GetHashCode() => this ? 1 : 0;

        /// <summary>"True" or "False".</summary>
        public override string ToString() => this ? "True" : "False";
    }
}
