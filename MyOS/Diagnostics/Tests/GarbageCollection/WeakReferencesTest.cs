using System;
using System.Runtime.CompilerServices;

namespace MyOS.Diagnostics.Tests.GarbageCollection
{
    /// <summary>
    /// Weak references and ConditionalWeakTable: a weak reference to a reachable object keeps
    /// answering; weak references to unreachable objects are cleared by a collection (the stack
    /// is scanned conservatively, so a stray word may keep one or two: most must be cleared);
    /// a table's value lives exactly as long as its key.
    /// </summary>
    public sealed class WeakReferencesTest : KernelTest
    {
        public override string Name => "gc.weak-references";

        private const int Count = 64;

        private sealed class Key
        {
            public int Id;
        }

        private sealed class Value
        {
            public string Text;
        }

        private static readonly ConditionalWeakTable<Key, Value> s_table = new ConditionalWeakTable<Key, Value>();

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static WeakReference[] WeakToGarbage()
        {
            var references = new WeakReference[Count];
            for (int i = 0; i < Count; i++)
                references[i] = new WeakReference(new Key { Id = i });
            return references;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static WeakReference[] ValuesOfDroppedKeys()
        {
            var values = new WeakReference[Count];
            for (int i = 0; i < Count; i++)
            {
                var value = new Value { Text = "dropped" + i };
                s_table.Add(new Key { Id = i }, value);
                values[i] = new WeakReference(value);
            }
            return values;
        }

        private static int Cleared(WeakReference[] references)
        {
            int cleared = 0;
            foreach (WeakReference reference in references)
            {
                if (!reference.IsAlive)
                    cleared++;
            }

            return cleared;
        }

        protected override void Execute()
        {
            var kept = new Key { Id = 7 };
            var toKept = new WeakReference(kept);
            WeakReference[] toGarbage = WeakToGarbage();
            var liveKey = new Key { Id = 99 };
            s_table.Add(liveKey, new Value { Text = "kept" });
            WeakReference[] droppedValues = ValuesOfDroppedKeys();

            Check(CollectorChecks.CollectAndCheckHeap(), "a collection did not run, or the heap check failed after it");
            Check(CollectorChecks.CollectAndCheckHeap(), "a second collection");
            Check(toKept.IsAlive && ((Key)toKept.Target).Id == 7 && kept.Id == 7, "a weak reference to a reachable object was cleared");
            Check(Cleared(toGarbage) >= Count - 4, "weak references to unreachable objects were not cleared");
            Check(s_table.TryGetValue(liveKey, out Value value) && value.Text == "kept", "a table value whose key is alive");
            Check(Cleared(droppedValues) >= Count - 4, "table values whose keys died were kept");
            GC.KeepAlive(kept);
            GC.KeepAlive(liveKey);
        }
    }
}
