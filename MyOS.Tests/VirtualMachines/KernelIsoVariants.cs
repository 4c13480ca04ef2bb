using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>
    /// Kernel ISOs that boot with extra kernel command-line arguments (boot options such as
    /// test=hang), made from a base ISO: its file tree is extracted, the arguments are appended to
    /// grub.cfg's multiboot2 line and grub-mkrescue runs again. Each (ISO, arguments) pair is built
    /// once per test run; all variants are deleted when the test process exits.
    /// </summary>
    public static class KernelIsoVariants
    {
        // The tree is taken from the ISO itself rather than from the build's isoroot folder, so a
        // variant always carries the very kernel of the ISO under test, wherever the build keeps
        // its intermediate files.
        private static readonly string[] s_grubGeneratedPaths =
        {
            "boot/grub/i386-pc", "boot/grub/x86_64-efi", "boot/grub/i386-efi", "boot/grub/fonts",
            "boot/grub/locale", "boot/grub/themes", "boot/grub/roms", "boot.catalog", "efi.img",
            "mach_kernel", "System",
        };

        // Characters GRUB's script parser passes through unchanged ($, quotes and ; would not be).
        private static readonly Regex s_safeArguments = new Regex(@"^[A-Za-z0-9=,._:/+\- ]*$");

        private static readonly ConcurrentDictionary<string, Lazy<string>> s_variants =
            new ConcurrentDictionary<string, Lazy<string>>();

        private static readonly Lazy<string> s_workRoot = new Lazy<string>(CreateWorkRoot);
        private static int s_variantCount;

        /// <summary>
        /// The ISO that boots <paramref name="baseIso"/>'s kernel with <paramref name="kernelArguments"/>
        /// appended to its command line; <paramref name="baseIso"/> itself when there are none.
        /// </summary>
        public static string Get(string baseIso, string kernelArguments)
        {
            string arguments = Normalize(kernelArguments);
            if (arguments.Length == 0)
                return baseIso;
            string fullPath = Path.GetFullPath(baseIso);
            // The write time is part of the key: a rebuilt base ISO gets new variants.
            string key = fullPath + "\n" + File.GetLastWriteTimeUtc(fullPath).Ticks + "\n" + arguments;
            return s_variants.GetOrAdd(key, _ => new Lazy<string>(() => Build(fullPath, arguments))).Value;
        }

        /// <summary>
        /// grub.cfg text with <paramref name="kernelArguments"/> appended to every multiboot2 line.
        /// Throws when there is no multiboot2 line, since the arguments would silently be lost.
        /// </summary>
        public static string AppendKernelArguments(string grubConfig, string kernelArguments)
        {
            string arguments = Normalize(kernelArguments);
            string[] lines = grubConfig.Split('\n');
            bool found = false;
            for (int i = 0; i < lines.Length; i++)
            {
                if (!lines[i].TrimStart().StartsWith("multiboot2 ", StringComparison.Ordinal))
                    continue;
                lines[i] = lines[i].TrimEnd() + " " + arguments;
                found = true;
            }
            if (!found)
                throw new InvalidOperationException("grub.cfg has no multiboot2 line to add kernel arguments to:\n" + grubConfig);
            return string.Join("\n", lines);
        }

        private static string Normalize(string kernelArguments)
        {
            string arguments = string.Join(" ", (kernelArguments ?? "").Split((char[])null, StringSplitOptions.RemoveEmptyEntries));
            if (!s_safeArguments.IsMatch(arguments))
            {
                throw new ArgumentException(
                    $"Kernel arguments \"{arguments}\" hold characters GRUB would interpret; use letters, digits and = , . _ : / + -.",
                    nameof(kernelArguments));
            }

            return arguments;
        }

        private static string Build(string baseIso, string arguments)
        {
            string directory = Path.Combine(s_workRoot.Value, "variant-" + Interlocked.Increment(ref s_variantCount));
            string tree = Path.Combine(directory, "isoroot");
            string iso = Path.Combine(directory, "MyOS.iso");
            Directory.CreateDirectory(directory);

            ExternalCommand.Run("xorriso", new[] { "-osirrox", "on", "-indev", baseIso, "-extract", "/", tree },
                TimeSpan.FromSeconds(60));
            MakeWritable(tree); // xorriso restores the ISO's read-only modes
            foreach (string generated in s_grubGeneratedPaths)
            {
                string path = Path.Combine(tree, generated);
                if (Directory.Exists(path))
                    Directory.Delete(path, recursive: true);
                else if (File.Exists(path))
                    File.Delete(path);
            }

            string grubConfig = Path.Combine(tree, "boot", "grub", "grub.cfg");
            if (!File.Exists(grubConfig))
                throw new InvalidOperationException($"{baseIso} has no /boot/grub/grub.cfg; is it a MyOS ISO?");
            File.WriteAllText(grubConfig, AppendKernelArguments(File.ReadAllText(grubConfig), arguments));

            ExternalCommand.Run("grub-mkrescue", new[] { "-o", iso, tree }, TimeSpan.FromSeconds(120));
            return iso;
        }

        private static void MakeWritable(string tree)
        {
            if (OperatingSystem.IsWindows())
                return; // no Unix modes to fix (and no GRUB tools to run either)
            foreach (string path in Directory.EnumerateFileSystemEntries(tree, "*", SearchOption.AllDirectories).Prepend(tree))
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserWrite | UnixFileMode.UserRead);
        }

        private static string CreateWorkRoot()
        {
            string root = Directory.CreateTempSubdirectory("myos-iso-variants-").FullName;
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try { Directory.Delete(root, recursive: true); }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            };
            return root;
        }
    }
}
