
namespace MyOS.Diagnostics.Tests
{
    /// <summary>`is`, `as` and casts over classes, interfaces, arrays and boxed values.</summary>
    public sealed class RuntimeCastTest : KernelTest
    {
        public override string Name => "runtime.casts";

        private interface IAnimal { string Sound(); }
        private interface IPet : IAnimal { }
        private class Animal { }
        private class Dog : Animal, IPet { public string Sound() => "woof"; }
        private sealed class Puppy : Dog { }
        private sealed class Rock { }

        protected override void Execute()
        {
            object dog = new Dog();
            object puppy = new Puppy();
            object rock = new Rock();
            object nothing = null;

            Check(dog is Animal && puppy is Dog && puppy is Animal, "is on base classes");
            Check(!(rock is Animal) && !(nothing is Animal), "is fails on other classes and null");
            Check(puppy is IPet && puppy is IAnimal && !(rock is IAnimal), "is on interfaces (inherited too)");
            Check(dog as Puppy == null && puppy as Dog != null, "as");
            Check(rock as IAnimal == null, "as to an interface");
            Check(((IAnimal)puppy).Sound() == "woof", "cast then interface call");
            Check((Dog)nothing == null, "casting null succeeds");
            Check(dog is Dog d && d.Sound() == "woof", "pattern variable");

            object boxed = 42;
            Check(boxed is int && !(boxed is long) && (int)boxed == 42, "boxed int");
            object[] animals = new Dog[2];
            Check(animals is Dog[] && animals is Animal[] && !(animals is Puppy[]), "array covariance in casts");
            animals[0] = new Puppy();
            Check(animals[0] is Puppy, "covariant array store");
            Check(Describe(3) == "int 3" && Describe("x") == "string x" && Describe(new Rock()) == "other", "type switch");

            // Type names come from the reflection metadata ILC compiles in (panic reports use them too).
            Check(puppy.GetType().FullName == "MyOS.Diagnostics.Tests.RuntimeCastTest+Puppy", "type name of a class: " + puppy.GetType().FullName);
            Check(new int[1].GetType().FullName == "System.Int32[]" && boxed.GetType() == typeof(int), "type name of an array, type of a boxed int");
        }

        private static string Describe(object value) => value switch
        {
            int i => "int " + i.ToString(),
            string s => "string " + s,
            _ => "other",
        };
    }
}
