using System.Text;

namespace MyOS.Tools.Performance
{
    /// <summary>Boot to the first prompt on each machine of this run, against issue 17's targets.</summary>
    public static class BootTimeSection
    {
        /// <summary>The section's Markdown.</summary>
        public static string Write(ReportData data)
        {
            var md = new StringBuilder();
            md.AppendLine("## Boot time").AppendLine();
            md.AppendLine("Wall clock from starting the VM process to the first `> ` on its serial port (BIOS or UEFI firmware, GRUB, kernel " +
                "start-up and the banner included), one boot each, the ISO built by this run, under the load given above.").AppendLine();
            md.AppendLine("| VM | RAM | boot to prompt | target |");
            md.AppendLine("| --- | ---: | ---: | ---: |");
            foreach (VmMeasurement.Result vm in data.Vms)
            {
                string time = vm.BootSeconds is double t ? Format.Fixed(t, 2) + " s" : "failed: " + vm.Error;
                md.AppendLine($"| {vm.Name} ({vm.Emulation}) | {vm.MemoryMiB} MiB | {time} | <= {vm.TargetSeconds:0} s |");
            }
            md.AppendLine().AppendLine("Most of a UEFI boot is OVMF's own start-up before GRUB.");
            return md.ToString();
        }
    }
}
