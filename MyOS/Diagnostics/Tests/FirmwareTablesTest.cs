using MyOS.Core;
using MyOS.Core.Acpi;
using MyOS.Core.Arch.X64.Hardware;
using MyOS.Core.Boot;
using MyOS.Core.Console;
using MyOS.Core.Memory.Map;

namespace MyOS.Diagnostics.Tests
{
    /// <summary>
    /// What the firmware handed over, checked on every machine of the matrix (issue 17): the ACPI
    /// tables parse without a problem and give a way to power off; under UEFI the EFI memory map
    /// agrees with GRUB's and the console is the framebuffer (named in memmap); under BIOS it is
    /// VGA text.
    /// </summary>
    public sealed class FirmwareTablesTest : KernelTest
    {
        public override string Name => "firmware.acpi-and-boot-tags";

        protected override void Execute()
        {
            AcpiTables acpi = Power.Acpi;
            if (!Check(acpi != null && acpi.RsdpSource != null, "no valid RSDP was found"))
                return;
            Check(acpi.ProblemCount == 0, "ACPI problem: " + acpi.GetProblem(0));
            Check(acpi.HasFadt && acpi.CanPowerOff, "no FADT, PM1a control port or \\_S5 sleep type");
            bool dsdt = false;
            for (int i = 0; i < acpi.TableCount; i++)
                dsdt |= acpi.GetTable(i).Signature == "DSDT";
            Check(dsdt, "the DSDT is not in the table list");

            Multiboot2Info info = KernelBoot.BootInfo;
            Check(info.IgnoredTag.IsOk, "GRUB gave a malformed firmware tag (type " + info.IgnoredTag.TagType.ToString() + ")");
            if (info.HasEfiSystemTable)
            {
                Check(info.HasEfiMemoryMap, "booted through UEFI but no EFI memory map tag");
                MemoryOverlap disagreement = AvailableMemoryCheck.FirstEfiDisagreement(info);
                Check(!disagreement.Exists, "the EFI memory map and GRUB's disagree at 0x" + disagreement.Start.ToString("X"));
                Check(info.HasFramebuffer && info.Framebuffer.Kind == FramebufferKind.Rgb, "booted through UEFI without a direct-colour framebuffer");
                Check(KernelConsole.Screen is FramebufferTextScreen, "booted through UEFI but the console is not on the framebuffer");
                int region = KernelBoot.MemoryMap.FindRange(info.Framebuffer.Address);
                Check(region >= 0 && KernelBoot.MemoryMap[region].Kind == MemoryKind.Framebuffer, "the framebuffer is not a named region of the memory map");
            }
            else
            {
                Check(KernelConsole.Screen is VgaTextScreen, "booted through a BIOS but the console is not VGA text");
            }
        }
    }
}
