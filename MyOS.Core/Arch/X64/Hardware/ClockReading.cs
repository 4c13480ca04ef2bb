namespace MyOS.Core.Arch.X64.Hardware
{
    /// <summary>
    /// The raw registers of one CMOS clock read, and their conversion to a Unix time. The
    /// values may be BCD or binary and the hour 12- or 24-hour, as status register B says;
    /// a century register of 0 (absent) means 20xx.
    /// </summary>
    public readonly struct ClockReading
    {
        private readonly byte _seconds, _minutes, _hours, _day, _month, _year, _century;

        public ClockReading(byte seconds, byte minutes, byte hours, byte day, byte month, byte year, byte century)
        {
            _seconds = seconds; _minutes = minutes; _hours = hours; _day = day; _month = month; _year = year; _century = century;
        }

        public bool Equals(ClockReading other) =>
            _seconds == other._seconds && _minutes == other._minutes && _hours == other._hours && _day == other._day
            && _month == other._month && _year == other._year && _century == other._century;

        /// <summary>Seconds since 1970-01-01 UTC, or 0 for a reading that is no valid date.</summary>
        public long ToUnixSeconds(byte statusB)
        {
            bool binary = (statusB & 0x04) != 0, twentyFourHour = (statusB & 0x02) != 0;
            bool pm = (_hours & 0x80) != 0;
            int seconds = Decode(_seconds, binary), minutes = Decode(_minutes, binary), hours = Decode((byte)(_hours & 0x7F), binary);
            int day = Decode(_day, binary), month = Decode(_month, binary), year = Decode(_year, binary);
            int century = _century == 0 ? 20 : Decode(_century, binary);
            if (!twentyFourHour)
                hours = (hours % 12) + (pm ? 12 : 0);
            year += century * 100;
            if (month < 1 || month > 12 || day < 1 || day > 31 || hours > 23 || minutes > 59 || seconds > 59 || year < 1970)
                return 0;
            return DaysSinceEpoch(year, month, day) * 86400L + hours * 3600L + minutes * 60L + seconds;
        }

        private static int Decode(byte value, bool binary) => binary ? value : (value >> 4) * 10 + (value & 0x0F);

        /// <summary>Days from 1970-01-01 to the given date (proleptic Gregorian calendar).</summary>
        private static long DaysSinceEpoch(int year, int month, int day)
        {
            // Counting years from March makes February, with its leap day, the last month.
            int y = month <= 2 ? year - 1 : year;
            int era = y / 400;
            int yearOfEra = y - era * 400;
            int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
            int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
            return era * 146097L + dayOfEra - 719468;
        }
    }
}
