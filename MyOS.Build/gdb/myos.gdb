# gdb script for MyOS (README: Debugging). From the repository root, with ./run.sh --debug
# waiting in another terminal:
#   gdb -x MyOS.Build/gdb/myos.gdb
# It loads the kernel's symbols and DWARF information from iso/myos.elf (written by every
# build; the ISO carries a stripped copy of the same file) and attaches to QEMU's gdb stub on
# localhost:1234, or on the port in the environment variable MYOS_GDB_PORT.

# QEMU starts the CPU in 16-bit real mode and GRUB leaves it in 32-bit protected mode, but the
# kernel is 64-bit code: gdb must decode registers and instructions as x86-64 from the start.
set architecture i386:x86-64
set confirm off
set pagination off

# The ELF is linked at its higher-half virtual addresses (linker.ld), so its symbols need no
# offset: C# methods appear under ILC's names (MyOS_MyOS_Shell_Commands_EchoCommand__Execute)
# and their lines under the .cs file names.
file iso/myos.elf

python
import os
gdb.execute("target remote localhost:" + os.environ.get("MYOS_GDB_PORT", "1234"))
end

# Breakpoints set now, before the kernel has paging on: the CPU is stopped at the firmware's
# first instruction, where the kernel's higher-half addresses are not mapped. A software
# breakpoint on real hardware or under KVM is an int3 byte written into memory at its address,
# which fails ("Cannot insert breakpoint") while that address has no mapping; a hardware
# breakpoint is a debug register compared with the instruction pointer and writes no memory,
# so it fires once the kernel runs there. QEMU without KVM (how MyOS runs here) keeps both
# kinds in its own list and `break` works too; `hbreak` works everywhere, so use it for
# breakpoints set before boot (x86 has four debug registers), and `break` once the kernel
# has stopped at one:
#   hbreak EchoCommand.cs:21
#   hbreak MyOS_MyOS_Shell_Commands_EchoCommand__Execute

# myos-string EXPR: prints the .NET System.String at address EXPR (for example a register
# holding a string argument, or a field read with x/gx). A String object is its MethodTable
# pointer at +0, its length in UTF-16 code units (int) at +8 and the characters from +12.
python
class MyOSString(gdb.Command):
    """myos-string EXPR: print the .NET System.String whose object address is EXPR."""

    # Longer strings are cut here, so a wild pointer does not read megabytes.
    LIMIT = 4096

    def __init__(self):
        super().__init__("myos-string", gdb.COMMAND_DATA, gdb.COMPLETE_EXPRESSION)

    def invoke(self, argument, from_tty):
        value = gdb.parse_and_eval(argument)
        # ILC describes object arguments as C++ references (words=@0x...): use the object's address.
        if value.type.code == gdb.TYPE_CODE_REF:
            value = value.referenced_value().address
        address = int(value) & 0xFFFFFFFFFFFFFFFF
        if address == 0:
            print("null")
            return
        inferior = gdb.selected_inferior()
        length = int.from_bytes(inferior.read_memory(address + 8, 4).tobytes(), "little", signed=True)
        if length < 0:
            print("error: 0x%x is not a string (length %d)" % (address, length))
            return
        shown = min(length, self.LIMIT)
        text = inferior.read_memory(address + 12, 2 * shown).tobytes().decode("utf-16-le", "replace")
        suffix = "..." if shown < length else ""
        print('"%s"%s (%d characters)' % (text, suffix, length))

MyOSString()
end
