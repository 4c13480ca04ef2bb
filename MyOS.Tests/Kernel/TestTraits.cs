namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// Trait names and values that sort the VM tests, so a run can pick them:
    /// `dotnet test --filter Category!=VirtualMachine` runs only the host tests, and
    /// `--filter KernelFeature=shell` only the tests of a kernel feature still being written.
    /// </summary>
    public static class TestTraits
    {
        /// <summary>Trait name for the kind of test.</summary>
        public const string Category = "Category";

        /// <summary>Tests that boot the kernel ISO in QEMU or Bochs.</summary>
        public const string VirtualMachine = "VirtualMachine";

        /// <summary>Trait name for the kernel feature a test needs beyond booting to the prompt.</summary>
        public const string KernelFeature = "KernelFeature";

        /// <summary>The test=... boot options (fault-null, divide-zero, hang).</summary>
        public const string BootOptions = "boot-options";

        /// <summary>Shell commands beyond the prompt (help, test, shutdown, error lines).</summary>
        public const string Shell = "shell";
    }
}
