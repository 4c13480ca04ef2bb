namespace MyOS.Core.Arch.X64.Hardware
{
    /// <summary>
    /// The CMOS real-time clock (ports 0x70/0x71): the date and time when read, in UTC (as PCs
    /// and emulators keep it here). Read once at boot; the timer counts from there. The clock
    /// is read twice until two reads agree, so an update in the middle cannot tear it.
    /// </summary>
    public static class RealTimeClock
    {
        private const ushort IndexPort = 0x70, DataPort = 0x71;
        private const byte Seconds = 0x00, Minutes = 0x02, Hours = 0x04, Day = 0x07, Month = 0x08, Year = 0x09, Century = 0x32;
        private const byte StatusA = 0x0A, StatusB = 0x0B;

        /// <summary>Seconds since 1970-01-01 00:00 UTC by the clock, or 0 when it reads as no valid date.</summary>
        public static long ReadUnixSeconds()
        {
            ClockReading reading = Read();
            for (int tries = 0; tries < 5; tries++)
            {
                ClockReading again = Read();
                if (again.Equals(reading))
                    break;
                reading = again;
            }
            return reading.ToUnixSeconds(ReadRegister(StatusB));
        }

        private static ClockReading Read()
        {
            while ((ReadRegister(StatusA) & 0x80) != 0)
                Cpu.Pause();   // an update is in progress
            return new ClockReading(ReadRegister(Seconds), ReadRegister(Minutes), ReadRegister(Hours),
                ReadRegister(Day), ReadRegister(Month), ReadRegister(Year), ReadRegister(Century));
        }

        private static byte ReadRegister(byte register)
        {
            Ports.Write8(IndexPort, register);
            return Ports.Read8(DataPort);
        }
    }
}
