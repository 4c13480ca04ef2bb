namespace MyOS.Runtime.Exceptions
{
    /// <summary>
    /// A managed method (or one of its funclets) as ILC's LSDA describes it: a flags byte (the
    /// funclet kind in its low two bits; has EH clauses; reverse P/Invoke; has associated
    /// data), for the main body relative pointers to the associated data and the EH clauses,
    /// for a funclet a relative pointer to the main body's LSDA and the funclet's offset from
    /// the method start. (ILC's UnixObjectWriter.EmitLsda writes it; NativeAOT's
    /// UnixNativeCodeManager reads it.)
    /// </summary>
    internal unsafe struct ManagedMethod
    {
        private const byte KindMask = 0x03;
        private const byte HasEHInfoFlag = 0x04;
        private const byte ReversePInvokeFlag = 0x08;
        private const byte HasAssociatedDataFlag = 0x10;

        /// <summary>Where the method's main body starts (a funclet's parent's start).</summary>
        public ulong MethodStart;
        /// <summary>Where the unwind description covering the address ends.</summary>
        public ulong CodeEnd;
        /// <summary>This body's LSDA and the main body's.</summary>
        public byte* Lsda;
        public byte* MainLsda;

        public bool IsFunclet => (*Lsda & KindMask) != 0;
        /// <summary>An [UnmanagedCallersOnly] method: native code called it, so a walk ends above it.</summary>
        public bool IsReversePInvoke => (*Lsda & ReversePInvokeFlag) != 0;
        public bool HasClauses => (*MainLsda & HasEHInfoFlag) != 0;

        /// <summary>The method holding <paramref name="codeAddress"/>; false for code ILC did not compile.</summary>
        public static bool TryFind(ulong codeAddress, out ManagedMethod method, out FrameDescription description)
        {
            method = default;
            if (!UnwindTable.TryFind(codeAddress, out description) || description.Lsda == null)
                return false;
            byte* lsda = description.Lsda;
            method.Lsda = lsda;
            method.CodeEnd = description.End;
            if ((*lsda & KindMask) != 0)
            {
                byte* p = lsda + 1;
                method.MainLsda = p + *(int*)p;
                method.MethodStart = description.Start - *(uint*)(p + 4);
            }
            else
            {
                method.MainLsda = lsda;
                method.MethodStart = description.Start;
            }
            return true;
        }

        /// <summary>The method's EH clause table (count first), or null when it has none.</summary>
        public byte* ClauseTable()
        {
            byte* p = MainLsda;
            byte flags = *p++;
            if ((flags & HasEHInfoFlag) == 0)
                return null;
            if ((flags & HasAssociatedDataFlag) != 0)
                p += 4;
            return p + *(int*)p;
        }
    }
}
