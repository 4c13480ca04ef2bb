namespace MyOS.Diagnostics.Tests
{
    /// <summary>`switch` on strings, small (compared one by one) and large (Roslyn hashes the string).</summary>
    public sealed class RuntimeSwitchTest : KernelTest
    {
        public override string Name => "runtime.switch-strings";

        protected override void Execute()
        {
            Check(Small("yes") == 1 && Small("no") == 0 && Small("maybe") == -1 && Small(null) == -1, "small switch");
            string[] words = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa" };
            bool all = true;
            for (int i = 0; i < words.Length; i++)
                all &= Large(words[i]) == i;
            Check(all, "large switch finds every case");
            Check(Large("omega") == -1 && Large("") == -1 && Large(null) == -1 && Large("Alpha") == -1, "large switch default");
        }

        private static int Small(string word)
        {
            switch (word)
            {
                case "yes": return 1;
                case "no": return 0;
                default: return -1;
            }
        }

        private static int Large(string word) => word switch
        {
            "alpha" => 0,
            "beta" => 1,
            "gamma" => 2,
            "delta" => 3,
            "epsilon" => 4,
            "zeta" => 5,
            "eta" => 6,
            "theta" => 7,
            "iota" => 8,
            "kappa" => 9,
            _ => -1,
        };
    }
}
