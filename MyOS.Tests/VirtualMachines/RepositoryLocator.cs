using System;
using System.IO;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>
    /// Finds the MyOS repository from wherever the test assembly runs (bin/Debug/net10.0 inside
    /// it, or a scratch copy that compiles these files), so tests never depend on the working
    /// directory `dotnet test` was started in. MYOS_REPOSITORY_ROOT, when set, names the root
    /// instead (for a copy of the tests built outside the repository).
    /// </summary>
    public static class RepositoryLocator
    {
        /// <summary>The environment variable that overrides the search.</summary>
        public const string RootVariable = "MYOS_REPOSITORY_ROOT";

        private static readonly Lazy<string> s_root = new Lazy<string>(() =>
            Environment.GetEnvironmentVariable(RootVariable) is string root && root.Length > 0
                ? Path.GetFullPath(root)
                : FindRoot(AppContext.BaseDirectory));

        /// <summary>The repository root: the nearest folder above the test assembly with MyOS.sln or Cosmos.config.</summary>
        public static string Root => s_root.Value;

        /// <summary>The ISO `dotnet build` of the kernel writes: &lt;root&gt;/iso/MyOS.iso.</summary>
        public static string KernelIso => Path.Combine(Root, "iso", "MyOS.iso");

        /// <summary>The kernel ISO, or an exception that says how to build it when it is missing.</summary>
        public static string RequireKernelIso()
        {
            string iso = KernelIso;
            if (!File.Exists(iso))
            {
                throw new FileNotFoundException(
                    $"The kernel ISO {iso} does not exist; build it with: cd {Path.Combine(Root, "MyOS")} && dotnet build", iso);
            }

            return iso;
        }

        /// <summary>Walks up from <paramref name="start"/> to the first folder holding MyOS.sln or Cosmos.config.</summary>
        public static string FindRoot(string start)
        {
            for (DirectoryInfo dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MyOS.sln")) ||
                    File.Exists(Path.Combine(dir.FullName, "Cosmos.config")))
                {
                    return dir.FullName;
                }
            }
            throw new DirectoryNotFoundException(
                $"No folder above {start} holds MyOS.sln or Cosmos.config; run the tests from inside the MyOS repository.");
        }
    }
}
