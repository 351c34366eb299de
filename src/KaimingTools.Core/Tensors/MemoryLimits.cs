using System;

namespace KaimingTools.Tensors
{
    /// <summary>Refuses tensors that cannot be held in memory before anything is allocated.</summary>
    public static class MemoryLimits
    {
        /// <summary>The largest element count of a single .NET array of float or double.</summary>
        public const long MaxElements = 0x7FFFFFC7;

        /// <summary>Bytes per element.</summary>
        public static int ElementSize(TensorElementType elementType) => elementType == TensorElementType.Double ? 8 : 4;

        /// <summary>
        /// Throws <see cref="InitArgumentException"/> (<c>TensorTooLarge</c>) when <paramref name="count"/>
        /// elements exceed an array's limit or the memory available to this process; the message gives the size.
        /// </summary>
        public static void EnsureCanAllocate(long count, TensorElementType elementType)
        {
            long bytes = count > long.MaxValue / 8 ? long.MaxValue : count * ElementSize(elementType);
            if (count > MaxElements)
            {
                throw TooLarge(count, bytes,
                    $"an in-memory tensor holds at most {MaxElements:N0} elements; write it to a file in chunks instead");
            }

            long available = AvailableBytes();
            if (bytes > available)
            {
                throw TooLarge(count, bytes, $"only {FormatBytes(available)} of memory is available");
            }
        }

        /// <summary>Writes a byte count as <c>1.5 GiB</c>.</summary>
        public static string FormatBytes(long bytes)
        {
            string[] units = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
            double value = bytes;
            int unit = 0;
            while (value >= 1024 && unit < units.Length - 1)
            {
                value /= 1024;
                unit++;
            }

            return string.Format(System.Globalization.CultureInfo.InvariantCulture, unit == 0 ? "{0:0} {1}" : "{0:0.##} {1}", value, units[unit]);
        }

        private static InitArgumentException TooLarge(long count, long bytes, string reason) =>
            new("TensorTooLarge", "Shape", $"The tensor has {count:N0} elements ({FormatBytes(bytes)}), but {reason}.")
            {
                IsLimitExceeded = true,
            };

        private static long AvailableBytes()
        {
#if NET8_0_OR_GREATER
            long total = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
            return total > 0 ? total : long.MaxValue;
#else
            return long.MaxValue;
#endif
        }
    }
}
