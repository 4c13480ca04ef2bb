namespace Internal.Runtime.CompilerHelpers
{
    /// <summary>
    /// Methods ILC calls by name when compiled code detects an error (bounds, null, division,
    /// overflow, bad cast). Exceptions are not caught in MyOS: each ends in a kernel panic
    /// report with the exception's name and message.
    /// </summary>
    internal static class ThrowHelpers
    {
        internal static void ThrowIndexOutOfRangeException() =>
            RuntimeFailure.Fail("IndexOutOfRangeException", "Index was outside the bounds of the array.");
        internal static void ThrowNullReferenceException() =>
            RuntimeFailure.Fail("NullReferenceException", "Object reference not set to an instance of an object.");
        internal static void ThrowDivideByZeroException() =>
            RuntimeFailure.Fail("DivideByZeroException", "Attempted to divide by zero.");
        internal static void ThrowOverflowException() =>
            RuntimeFailure.Fail("OverflowException", "Arithmetic operation resulted in an overflow.");
        internal static void ThrowArrayTypeMismatchException() =>
            RuntimeFailure.Fail("ArrayTypeMismatchException", "Attempted to store an element of the wrong type in an array.");
        internal static void ThrowInvalidCastException() =>
            RuntimeFailure.Fail("InvalidCastException", "Specified cast is not valid.");
        internal static void ThrowInvalidOperationException() =>
            RuntimeFailure.Fail("InvalidOperationException", "Operation is not valid due to the current state of the object.");
        internal static void ThrowPlatformNotSupportedException() =>
            RuntimeFailure.Fail("PlatformNotSupportedException", "Operation is not supported on this platform.");
        internal static void ThrowNotSupportedException() =>
            RuntimeFailure.Fail("NotSupportedException", "Specified method is not supported.");
        internal static void ThrowArgumentException() =>
            RuntimeFailure.Fail("ArgumentException", "Value does not fall within the expected range.");
        internal static void ThrowArgumentNullException() =>
            RuntimeFailure.Fail("ArgumentNullException", "Value cannot be null.");
        internal static void ThrowArgumentOutOfRangeException() =>
            RuntimeFailure.Fail("ArgumentOutOfRangeException", "Specified argument was out of the range of valid values.");
        internal static void ThrowTypeLoadException() =>
            RuntimeFailure.Fail("TypeLoadException", "A type could not be loaded.");
        internal static void ThrowInvalidProgramException() =>
            RuntimeFailure.Fail("InvalidProgramException", "The compiler found invalid code.");
        internal static void ThrowInvalidProgramExceptionWithArgument(int id, string methodName) =>
            RuntimeFailure.Fail("InvalidProgramException", "The compiler could not compile a method: " + methodName);
        internal static void ThrowTypeLoadExceptionWithArgument(int id, string className, string typeName, string messageArg) =>
            RuntimeFailure.Fail("TypeLoadException", "A type could not be loaded: " + typeName);
        internal static void ThrowFeatureBodyRemoved() =>
            RuntimeFailure.Fail("NotSupportedException", "This code was removed by the compiler.");
        internal static void ThrowInstanceBodyRemoved() =>
            RuntimeFailure.Fail("NotSupportedException", "This method body was removed by the compiler.");
    }
}
