namespace MyOS.Tests.VirtualMachines
{
    /// <summary>The firmware QEMU boots the ISO with.</summary>
    public enum Firmware
    {
        /// <summary>SeaBIOS, QEMU's default PC BIOS (GRUB's i386-pc part of the ISO boots).</summary>
        Bios,
        /// <summary>OVMF, QEMU's UEFI firmware (GRUB's x86_64-efi part of the ISO boots).</summary>
        Uefi,
    }
}
