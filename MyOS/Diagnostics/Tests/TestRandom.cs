namespace MyOS.Diagnostics.Tests
{
    /// <summary>A small deterministic pseudo-random generator (xorshift64*) so in-kernel tests repeat exactly.</summary>
    public struct TestRandom
    {
        /// <summary>Generator state; never zero.</summary>
        private ulong _state;

        /// <summary>A generator started from <paramref name="seed"/>.</summary>
        public TestRandom(ulong seed) => _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;

        /// <summary>The next 64 random bits.</summary>
        public ulong Next()
        {
            _state ^= _state >> 12;
            _state ^= _state << 25;
            _state ^= _state >> 27;
            return _state * 0x2545F4914F6CDD1DUL;
        }

        /// <summary>A number in [0, bound).</summary>
        public ulong Below(ulong bound) => bound == 0 ? 0 : Next() % bound;
    }
}
