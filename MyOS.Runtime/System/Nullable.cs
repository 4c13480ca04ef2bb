namespace System
{
    /// <summary>A value type that may also have no value.</summary>
    public struct Nullable<T> where T : struct
    {
        /// <summary>Whether a value is present. Layout contract with ILC: this field comes first.</summary>
        private readonly bool hasValue;
        /// <summary>The value, when present.</summary>
        internal T value;

        /// <summary>Wraps a value.</summary>
        public Nullable(T value)
        {
            this.value = value;
            hasValue = true;
        }

        /// <summary>Whether a value is present.</summary>
        public readonly bool HasValue => hasValue;

        /// <summary>The value; a kernel panic when there is none.</summary>
        public readonly T Value
        {
            get
            {
                if (!hasValue)
                    Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowInvalidOperationException();
                return value;
            }
        }

        /// <summary>The value, or default(T).</summary>
        public readonly T GetValueOrDefault() => value;

        /// <summary>The value, or the given default.</summary>
        public readonly T GetValueOrDefault(T defaultValue) => hasValue ? value : defaultValue;

        /// <summary>Wraps a value.</summary>
        public static implicit operator T?(T value) => new T?(value);

        /// <summary>Unwraps a value.</summary>
        public static explicit operator T(T? value) => value.Value;
    }
}
