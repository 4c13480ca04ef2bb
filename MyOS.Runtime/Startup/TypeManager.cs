using System;
using System.Runtime;
using MyOS.Core.Diagnostics;
using MyOS.Runtime.Allocation;

namespace MyOS.Runtime.Startup
{
    /// <summary>
    /// The runtime's record of one compiled module, what CoreLib holds as a TypeManagerHandle.
    /// CoreLib reads the first two fields itself (the OS module and the ReadyToRun header), so
    /// their order is a contract; the rest is the runtime's. (ILC 10's MethodTables reach their
    /// dispatch maps through relative pointers, not through this record.) Created once per
    /// module at start-up, never freed.
    /// </summary>
    internal unsafe struct TypeManager
    {
        public void* OsModule;
        public ReadyToRunHeader* Header;
        public void** ClasslibFunctions;
        public int ClasslibFunctionCount;

        /// <summary>The one module of the kernel (ILC compiles every assembly into one).</summary>
        private static TypeManager* s_kernelModule;

        /// <summary>CoreLib's first call at start-up: the OS module (here, the kernel image) the modules live in.</summary>
        [RuntimeExport("RhpRegisterOsModule")]
        private static void* RegisterOsModule(void* osModule) => osModule;

        /// <summary>Makes the record for a module from its ReadyToRun header.</summary>
        [RuntimeExport("RhpCreateTypeManager")]
        private static TypeManager* Create(void* osModule, ReadyToRunHeader* header, void** classlibFunctions, int classlibFunctionCount)
        {
            if (header->Signature != ReadyToRunHeader.ExpectedSignature)
                Panic.Fail("a compiled module's header has no ReadyToRun signature");
            TypeManager* manager = (TypeManager*)RuntimeMemory.AllocateRaw((nuint)sizeof(TypeManager));
            manager->OsModule = osModule;
            manager->Header = header;
            manager->ClasslibFunctions = classlibFunctions;
            manager->ClasslibFunctionCount = classlibFunctionCount;
            if (s_kernelModule == null)
                s_kernelModule = manager;
            return manager;
        }

        /// <summary>Where section <paramref name="sectionId"/> of a module lies, and its length; null and 0 when the module has none.</summary>
        [RuntimeExport("RhpGetModuleSection")]
        private static byte* GetModuleSection(TypeManager** module, int sectionId, int* length)
        {
            ReadyToRunHeader* header = (*module)->Header;
            byte* row = (byte*)(header + 1);
            for (int i = 0; i < header->SectionCount; i++, row += header->EntrySize)
            {
                ReadyToRunSection* section = (ReadyToRunSection*)row;
                if (section->SectionId == sectionId)
                {
                    *length = (int)(section->End - section->Start);
                    return section->Start;
                }
            }
            *length = 0;
            return null;
        }

        /// <summary>The OS module holding an address: the kernel image holds all code.</summary>
        [RuntimeExport("RhGetOSModuleFromPointer")]
        private static void* OsModuleFromPointer(void* address) => s_kernelModule == null ? null : s_kernelModule->OsModule;

        /// <summary>The module's file name, for stack traces: the kernel image's.</summary>
        [RuntimeExport("RhGetModuleFileName")]
        private static int ModuleFileName(void* osModule, byte** name)
        {
            // A UTF-8 literal lives in the image's read-only data, so its address stays valid.
            ReadOnlySpan<byte> fileName = "myos.elf"u8;
            fixed (byte* text = fileName)
                *name = text;
            return fileName.Length;
        }

        /// <summary>A CoreLib callback (ClassLibFunctionId) for code at an address: one module, one table.</summary>
        [RuntimeExport("RhpGetClasslibFunctionFromCodeAddress")]
        private static void* ClasslibFunctionForCode(void* address, int id) => ClasslibFunction(id);

        /// <summary>A CoreLib callback (ClassLibFunctionId) for a type: one module, one table.</summary>
        [RuntimeExport("RhpGetClasslibFunctionFromEEType")]
        private static void* ClasslibFunctionForType(void* type, int id) => ClasslibFunction(id);

        /// <summary>Entry <paramref name="id"/> of the kernel module's callback table, or null.</summary>
        internal static void* ClasslibFunction(int id)
        {
            TypeManager* module = s_kernelModule;
            if (module == null || (uint)id >= (uint)module->ClasslibFunctionCount)
                return null;
            return module->ClasslibFunctions[id];
        }

        /// <summary>ReadyToRunSectionType.ReadonlyBlobRegionStart: blob n is section 300 + n.</summary>
        private const int ReadonlyBlobRegionStart = 300;

        /// <summary>A named blob of metadata (reflection maps, stack-trace names): its section.</summary>
        [RuntimeExport("RhFindBlob")]
        private static bool FindBlob(TypeManager** module, uint blobId, byte** blob, uint* length)
        {
            int sectionLength;
            *blob = GetModuleSection(module, ReadonlyBlobRegionStart + (int)blobId, &sectionLength);
            *length = (uint)sectionLength;
            return *blob != null;
        }
    }
}
