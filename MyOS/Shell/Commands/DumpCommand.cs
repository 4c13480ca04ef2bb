using MyOS.Core;
using MyOS.Core.Console;
using MyOS.Core.Memory;
using MyOS.Core.Memory.Map;

namespace MyOS.Shell.Commands
{
    /// <summary>`dump <address> [length]`: hex and ASCII of physical memory, read through the direct map; refused outside the memory map.</summary>
    public sealed unsafe class DumpCommand : ShellCommand
    {
        private const ulong DefaultLength = 128;
        private const ulong MaxLength = 4096;

        public override string Name => "dump";
        public override string Usage => "dump <physical address> [length, at most 4096]";
        public override string Summary => "hex and ASCII dump of physical memory (through the HHDM)";

        public override void Execute(string[] words, int count)
        {
            if (!ExpectWords(count, 1, 2))
                return;
            ulong length = DefaultLength;
            if (!NumberParser.TryParse(words[1], out ulong address) || (count == 3 && !NumberParser.TryParseSize(words[2], out length)))
            {
                Error("address and length must be numbers (decimal or 0x hex) that fit in 64 bits");
                return;
            }
            if (length == 0 || length > MaxLength)
            {
                Error("the length must be from 1 to 4096 bytes");
                return;
            }
            if (!IsInRam(address, length))
            {
                Error(Format.Hex(address) + " .. +" + Format.Decimal(length) + " is not RAM listed in the memory map (see memmap)");
                return;
            }
            byte* bytes = DirectMap.Kernel.ToPointer(new PhysicalAddress(address));
            for (ulong line = 0; line < length; line += 16)
            {
                KernelConsole.WriteHex(address + line, 16);
                KernelConsole.Write("  ");
                for (ulong i = line; i < line + 16; i++)
                {
                    if (i < length)
                        WriteByte(bytes[i]);
                    else
                        KernelConsole.Write("  ");
                    KernelConsole.Write(' ');
                }
                KernelConsole.Write(' ');
                for (ulong i = line; i < line + 16 && i < length; i++)
                    KernelConsole.Write(bytes[i] >= 32 && bytes[i] < 127 ? (char)bytes[i] : '.');
                KernelConsole.WriteLine();
            }
        }

        /// <summary>Whether every byte of the range lies in usable, ACPI or kernel RAM (not device memory or holes).</summary>
        private static bool IsInRam(ulong address, ulong length)
        {
            if (address + length < address)
                return false;
            MemoryMap map = KernelBoot.MemoryMap;
            ulong position = address;
            while (position < address + length)
            {
                int index = map.FindRange(position);
                if (index < 0)
                    return false;
                MemoryRange region = map[index];
                if (region.Kind == MemoryKind.Reserved || region.Kind == MemoryKind.BadMemory)
                    return false;
                position = region.End;
            }
            return true;
        }

        private static void WriteByte(byte value)
        {
            const string digits = "0123456789ABCDEF";
            KernelConsole.Write(digits[value >> 4]);
            KernelConsole.Write(digits[value & 15]);
        }
    }
}
