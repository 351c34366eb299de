using System;
using System.Linq;
using System.Text;

namespace KaimingTools.Tests.Formats
{
    /// <summary>Builds .npy and .safetensors bytes by hand (from the specs), so tests can make them wrong on purpose.</summary>
    internal static class HostileFiles
    {
        /// <summary>A .npy file: magic, version, header length, the header padded to 64 with a newline, then data bytes.</summary>
        public static byte[] Npy(string dictionary, int dataBytes, byte major = 1, long? claimedHeaderLength = null)
        {
            int preamble = major == 1 ? 10 : 12;
            byte[] header = Encoding.Latin1.GetBytes(dictionary);
            int total = (preamble + header.Length + 1 + 63) / 64 * 64;
            var bytes = new byte[total + dataBytes];
            new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', major, 0 }.CopyTo(bytes, 0);
            long headerLength = claimedHeaderLength ?? (total - preamble);
            if (major == 1)
            {
                BitConverter.GetBytes((ushort)headerLength).CopyTo(bytes, 8);
            }
            else
            {
                BitConverter.GetBytes((uint)headerLength).CopyTo(bytes, 8);
            }

            header.CopyTo(bytes, preamble);
            for (int i = preamble + header.Length; i < total - 1; i++)
            {
                bytes[i] = (byte)' ';
            }

            bytes[total - 1] = (byte)'\n';
            return bytes;
        }

        /// <summary>A .npy header for a float32 array of the given shape text, e.g. <c>(2, 3)</c>.</summary>
        public static string NpyDict(string shape = "(2, 3)", string descr = "'<f4'", string fortran = "False") =>
            $"{{'descr': {descr}, 'fortran_order': {fortran}, 'shape': {shape}, }}";

        /// <summary>A .safetensors file: 8-byte LE length, the JSON header, then data bytes.</summary>
        public static byte[] Safetensors(string json, int dataBytes, ulong? claimedLength = null) =>
            SafetensorsRaw(Encoding.UTF8.GetBytes(json), dataBytes, claimedLength);

        public static byte[] SafetensorsRaw(byte[] header, int dataBytes, ulong? claimedLength = null) =>
            BitConverter.GetBytes(claimedLength ?? (ulong)header.Length).Concat(header).Concat(new byte[dataBytes]).ToArray();

        /// <summary>One F32 tensor entry.</summary>
        public static string Entry(string name, string shape, long begin, long end, string dtype = "F32") =>
            $"\"{name}\":{{\"dtype\":\"{dtype}\",\"shape\":{shape},\"data_offsets\":[{begin},{end}]}}";
    }
}
