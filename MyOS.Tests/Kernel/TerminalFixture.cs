using System;
using System.Collections.Generic;
using MyOS.Tests.VirtualMachines;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// One QEMU (128 MiB, monitor on) shared by the terminal tests: they type over serial, press
    /// keys through the monitor and take screendumps, each starting from a fresh prompt.
    /// </summary>
    public sealed class TerminalFixture : IDisposable
    {
        private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(20);

        /// <summary>Boots the VM and waits for the prompt (30 s); the VM lives at most 6 minutes.</summary>
        public TerminalFixture()
        {
            Vm = VirtualMachine.Start(new VirtualMachineOptions
            {
                Kind = VirtualMachineKind.Qemu,
                Deadline = TimeSpan.FromMinutes(6),
                EnableQemuMonitor = true,
            });
            try
            {
                Vm.WaitForBoot(TimeSpan.FromSeconds(30));
                Monitor = new QemuMonitor((QemuMachine)Vm);
            }
            catch
            {
                Vm.Dispose();
                throw;
            }
        }

        /// <summary>The shared VM.</summary>
        public VirtualMachine Vm { get; }

        /// <summary>Its QEMU monitor.</summary>
        public QemuMonitor Monitor { get; }

        /// <summary>
        /// Sends <paramref name="bytes"/> as they are (keys, escape sequences, the final Enter) and
        /// waits for the next prompt; returns the output lines after the echoed input line, without the prompt.
        /// </summary>
        public List<string> Type(string bytes)
        {
            Vm.Serial.Send(bytes);
            var lines = new List<string>(Vm.Serial.WaitForPrompt(s_limit).Split('\n'));
            lines.RemoveAt(lines.Count - 1); // the prompt
            if (lines.Count > 0)
                lines.RemoveAt(0);           // the line as it was typed and edited
            return lines;
        }

        /// <summary>Abandons whatever is on the line (Ctrl-C) and waits for a fresh prompt.</summary>
        public void FreshPrompt()
        {
            Vm.Serial.Send("\x03");
            Vm.Serial.WaitForPrompt(s_limit);
        }

        /// <summary>Kills the VM.</summary>
        public void Dispose()
        {
            Monitor?.Dispose();
            Vm.Dispose();
        }
    }
}
