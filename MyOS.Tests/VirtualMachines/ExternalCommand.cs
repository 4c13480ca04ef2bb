using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace MyOS.Tests.VirtualMachines
{
    /// <summary>Runs a host tool (xorriso, grub-mkrescue) to completion under a time limit.</summary>
    public static class ExternalCommand
    {
        /// <summary>
        /// Runs <paramref name="program"/> with <paramref name="arguments"/> and returns its output
        /// (stdout and stderr). Throws, with the output, if it fails or outlives <paramref name="limit"/>;
        /// on a time-out the process is killed first.
        /// </summary>
        public static string Run(string program, IEnumerable<string> arguments, TimeSpan limit)
        {
            var info = new ProcessStartInfo(program)
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (string argument in arguments)
                info.ArgumentList.Add(argument);

            var output = new StringBuilder();
            using Process process = new Process { StartInfo = info };
            process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
            try
            {
                process.Start();
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException($"Cannot start '{program}' ({e.Message}); is it installed?", e);
            }
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            string commandLine = program + " " + string.Join(" ", info.ArgumentList);
            if (!process.WaitForExit(limit))
            {
                process.Kill();
                process.WaitForExit();
                throw new TimeoutException($"'{commandLine}' did not finish within {limit.TotalSeconds:0} s and was killed. Output:\n{Text(output)}");
            }
            process.WaitForExit(); // lets the asynchronous readers deliver the last lines
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"'{commandLine}' failed with status {process.ExitCode}. Output:\n{Text(output)}");
            return Text(output);
        }

        private static string Text(StringBuilder output)
        {
            lock (output)
                return output.ToString();
        }
    }
}
