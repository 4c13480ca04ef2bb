using MyOS.Core.Arch.X64.Hardware;

namespace MyOS.Core.Arch.X64.Interrupts
{
    /// <summary>
    /// The two cascaded 8259 PICs. Remapped so IRQ 0-15 arrive on vectors 32-47 (their
    /// power-on vectors 8-15 collide with CPU exceptions); every IRQ starts masked.
    /// </summary>
    public static class ProgrammableInterruptController
    {
        private const ushort MasterCommand = 0x20, MasterData = 0x21;
        private const ushort SlaveCommand = 0xA0, SlaveData = 0xA1;
        private const byte EndOfInterruptCommand = 0x20;

        /// <summary>Remaps both PICs to vectors 32-47 and masks every IRQ.</summary>
        public static void Initialize()
        {
            Ports.Write8(MasterCommand, 0x11);          // ICW1: initialise, ICW4 follows
            Ports.Write8(SlaveCommand, 0x11);
            Ports.Write8(MasterData, InterruptDescriptorTable.FirstIrqVector);       // ICW2: vector base
            Ports.Write8(SlaveData, InterruptDescriptorTable.FirstIrqVector + 8);
            Ports.Write8(MasterData, 0x04);             // ICW3: slave on IRQ 2
            Ports.Write8(SlaveData, 0x02);
            Ports.Write8(MasterData, 0x01);             // ICW4: 8086 mode
            Ports.Write8(SlaveData, 0x01);
            Ports.Write8(MasterData, 0xFF);             // mask everything
            Ports.Write8(SlaveData, 0xFF);
        }

        /// <summary>Lets IRQ <paramref name="irq"/> through.</summary>
        public static void Unmask(int irq)
        {
            ushort port = irq < 8 ? MasterData : SlaveData;
            Ports.Write8(port, (byte)(Ports.Read8(port) & ~(1 << (irq & 7))));
            if (irq >= 8)
                Ports.Write8(MasterData, (byte)(Ports.Read8(MasterData) & ~(1 << 2)));
        }

        /// <summary>Holds IRQ <paramref name="irq"/> back until <see cref="Unmask"/>.</summary>
        public static void Mask(int irq)
        {
            ushort port = irq < 8 ? MasterData : SlaveData;
            Ports.Write8(port, (byte)(Ports.Read8(port) | (1 << (irq & 7))));
        }

        /// <summary>Tells the PIC(s) the handler for <paramref name="irq"/> is done.</summary>
        public static void EndOfInterrupt(int irq)
        {
            if (irq >= 8)
                Ports.Write8(SlaveCommand, EndOfInterruptCommand);
            Ports.Write8(MasterCommand, EndOfInterruptCommand);
        }
    }
}
