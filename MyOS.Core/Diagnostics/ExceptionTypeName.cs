using System;

namespace MyOS.Core.Diagnostics
{
    /// <summary>
    /// An exception's type name for a report line, even when memory has run out. GetType()
    /// makes the type's RuntimeType object on first use, in CoreLib's frozen-object segment,
    /// which takes pages of its own (about 4 MiB the first time); with the page allocator
    /// drained that throws. Then the name comes from type tests (which need no memory) against
    /// the exceptions the kernel meets; an exception of another type is named by its nearest base.
    /// </summary>
    public static class ExceptionTypeName
    {
        public static string Of(Exception exception)
        {
            try
            {
                return exception.GetType().Name;
            }
            catch (Exception)
            {
                return Nearest(exception);
            }
        }

        private static string Nearest(Exception exception) => exception switch
        {
            OutOfMemoryException => "OutOfMemoryException",
            NullReferenceException => "NullReferenceException",
            DivideByZeroException => "DivideByZeroException",
            OverflowException => "OverflowException",
            IndexOutOfRangeException => "IndexOutOfRangeException",
            InvalidCastException => "InvalidCastException",
            ArgumentOutOfRangeException => "ArgumentOutOfRangeException",
            ArgumentNullException => "ArgumentNullException",
            ArgumentException => "ArgumentException",
            FormatException => "FormatException",
            NotSupportedException => "NotSupportedException",
            InvalidOperationException => "InvalidOperationException",
            ArithmeticException => "ArithmeticException",
            SystemException => "SystemException",
            _ => "Exception",
        };
    }
}
