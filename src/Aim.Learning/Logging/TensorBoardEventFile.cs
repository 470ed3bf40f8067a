using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Numerics;
using System.Text;

namespace Aim.Learning.Logging;

/// <summary>
/// One TensorBoard event file, written by hand: TorchSharp's <c>SummaryWriter</c> stamps its first event
/// (<c>file_version</c>) and its file name with .NET ticks and takes wall times as 32-bit floats, while TensorBoard reads
/// the first event's wall time as the run's start in Unix seconds. Every event here carries Unix seconds as a double.
/// </summary>
/// <remarks>
/// The format is TensorFlow's: TFRecord framing (length as a little-endian uint64, the masked CRC-32C of those 8 bytes,
/// the data, the masked CRC-32C of the data) around <c>Event</c> protobufs (wall_time = 1, double; step = 2, int64;
/// file_version = 3, string; summary = 5, a <c>Summary</c> of <c>Value</c>s with tag = 1 and simple_value = 2, float).
/// Each event is appended and the file closed, so a killed run keeps what it wrote.
/// </remarks>
public sealed class TensorBoardEventFile
{
    private const string FileVersion = "brain.Event:2";
    private static int s_uid;

    /// <summary>
    /// Creates <c>events.out.tfevents.{unix seconds}.{host}.{process}.{n}</c> in <paramref name="directory"/> (created if
    /// missing), TensorBoard's own naming, and writes its first event, the file version.
    /// </summary>
    public TensorBoardEventFile(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        double now = UnixSeconds();
        string name = string.Create(
            CultureInfo.InvariantCulture,
            $"events.out.tfevents.{(long)now:D10}.{Dns.GetHostName()}.{Environment.ProcessId}.{Interlocked.Increment(ref s_uid)}");
        Path = System.IO.Path.Combine(directory, name);
        File.Delete(Path);
        Append(Event(now, step: 0, fileVersion: FileVersion, summary: null));
    }

    /// <summary>The event file.</summary>
    public string Path { get; }

    /// <summary>The time now in Unix seconds, as TensorBoard's wall times are.</summary>
    public static double UnixSeconds() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalSeconds;

    /// <summary>Appends one scalar event: <paramref name="value"/> under <paramref name="tag"/> at <paramref name="step"/>, stamped now.</summary>
    public void AddScalar(string tag, float value, long step)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        var summaryValue = new ProtoWriter();
        summaryValue.String(1, tag);
        summaryValue.Float(2, value);
        var summary = new ProtoWriter();
        summary.Message(1, summaryValue);
        Append(Event(UnixSeconds(), step, fileVersion: null, summary));
    }

    /// <summary>The masked CRC-32C TFRecord stores: the CRC rotated right by 15 bits plus 0xa282ead8.</summary>
    public static uint MaskedCrc32C(ReadOnlySpan<byte> data)
    {
        uint crc = Crc32C(data);
        return BitOperations.RotateRight(crc, 15) + 0xa282ead8u;
    }

    /// <summary>CRC-32C (Castagnoli) of <paramref name="data"/>, on the CPU's CRC instructions where it has them.</summary>
    public static uint Crc32C(ReadOnlySpan<byte> data)
    {
        uint crc = uint.MaxValue;
        while (data.Length >= sizeof(ulong))
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[sizeof(ulong)..];
        }

        foreach (byte b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }

    private static byte[] Event(double wallTime, long step, string? fileVersion, ProtoWriter? summary)
    {
        var message = new ProtoWriter();
        message.Double(1, wallTime);
        if (step != 0)
        {
            // proto3 leaves a zero out, as TorchSharp's generated code does.
            message.Varint(2, (ulong)step);
        }

        if (fileVersion is not null)
        {
            message.String(3, fileVersion);
        }

        if (summary is not null)
        {
            message.Message(5, summary);
        }

        return message.ToArray();
    }

    private void Append(byte[] data)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], MaskedCrc32C(header[..8]));
        Span<byte> footer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(footer, MaskedCrc32C(data));
        using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(header);
        stream.Write(data);
        stream.Write(footer);
    }

    /// <summary>The few protobuf encodings an event needs.</summary>
    private sealed class ProtoWriter
    {
        private readonly MemoryStream _bytes = new();

        public void Double(int field, double value)
        {
            Tag(field, 1);
            Span<byte> buffer = stackalloc byte[8];
            BinaryPrimitives.WriteDoubleLittleEndian(buffer, value);
            _bytes.Write(buffer);
        }

        public void Float(int field, float value)
        {
            Tag(field, 5);
            Span<byte> buffer = stackalloc byte[4];
            BinaryPrimitives.WriteSingleLittleEndian(buffer, value);
            _bytes.Write(buffer);
        }

        public void Varint(int field, ulong value)
        {
            Tag(field, 0);
            Raw(value);
        }

        public void String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public void Message(int field, ProtoWriter message) => Bytes(field, message.ToArray());

        public byte[] ToArray() => _bytes.ToArray();

        private void Bytes(int field, byte[] value)
        {
            Tag(field, 2);
            Raw((ulong)value.Length);
            _bytes.Write(value);
        }

        private void Tag(int field, int wireType) => Raw((ulong)((field << 3) | wireType));

        private void Raw(ulong value)
        {
            while (value >= 0x80)
            {
                _bytes.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }

            _bytes.WriteByte((byte)value);
        }
    }
}
