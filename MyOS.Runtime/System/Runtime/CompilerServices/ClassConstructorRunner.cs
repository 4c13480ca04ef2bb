namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// Runs static constructors on first use. ILC calls these by name before a type's statics
    /// are touched. MyOS runs one thread, so "run once" needs no locking: the context's
    /// address is cleared before the constructor runs.
    /// </summary>
    internal static unsafe class ClassConstructorRunner
    {
        private static IntPtr CheckStaticClassConstructionReturnNonGCStaticBase(ref StaticClassConstructionContext context, IntPtr nonGcStaticBase)
        {
            CheckStaticClassConstruction(ref context);
            return nonGcStaticBase;
        }

        private static object CheckStaticClassConstructionReturnGCStaticBase(ref StaticClassConstructionContext context, object gcStaticBase)
        {
            CheckStaticClassConstruction(ref context);
            return gcStaticBase;
        }

        private static void CheckStaticClassConstruction(ref StaticClassConstructionContext context)
        {
            IntPtr constructor = context.cctorMethodAddress;
            if ((nint)constructor == 0)
                return;
            context.cctorMethodAddress = default;
            ((delegate*<void>)constructor)();
        }
    }
}
