using System.Buffers.Binary;
using System.Text;

namespace Aim.Tests.TestSupport;

/// <summary>One decoded event: its wall time and step, and either the file version or one scalar.</summary>
internal sealed record TensorBoardEvent(double WallTime, long Step, string? FileVersion, string? Tag, float? Value);

/// <summary>
/// Reads a TensorBoard event file from the bytes up, sharing no code with the writer or any protobuf library: the
/// TFRecord framing with both masked CRC-32Cs checked (by a bitwise CRC, not the writer's), then the Event and Summary
/// fields by number. An unexpected field or wire type fails, so the writer cannot add something TensorBoard would not read.
/// </summary>
internal static class TensorBoardEventReader
{
    public static TensorBoardEvent[] Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var events = new List<TensorBoardEvent>();
        int at = 0;
        while (at < bytes.Length)
        {
            Assert.True(bytes.Length - at >= 16, $"a record of {path} is cut at byte {at}");
            ReadOnlySpan<byte> lengthBytes = bytes.AsSpan(at, 8);
            ulong length = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
            Assert.Equal(Masked(lengthBytes), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 8, 4)));
            Assert.True(length <= (ulong)(bytes.Length - at - 16), $"a record of {path} claims {length} bytes");
            ReadOnlySpan<byte> data = bytes.AsSpan(at + 12, (int)length);
            Assert.Equal(Masked(data), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 12 + (int)length, 4)));
            events.Add(Event(data));
            at += 12 + (int)length + 4;
        }

        return events.ToArray();
    }

    /// <summary>CRC-32C bit by bit (reflected polynomial 0x82F63B78), masked as TFRecord masks it.</summary>
    public static uint Masked(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78 : crc >> 1;
            }
        }

        crc = ~crc;
        return ((crc >> 15) | (crc << 17)) + 0xa282ead8;
    }

    private static TensorBoardEvent Event(ReadOnlySpan<byte> data)
    {
        double wallTime = 0;
        long step = 0;
        string? fileVersion = null;
        string? tag = null;
        float? value = null;
        var reader = new Fields(data.ToArray());
        while (reader.Next(out int field, out int wire))
        {
            switch ((field, wire))
            {
                case (1, 1):
                    wallTime = BinaryPrimitives.ReadDoubleLittleEndian(reader.Fixed(8));
                    break;
                case (2, 0):
                    step = (long)reader.Varint();
                    break;
                case (3, 2):
                    fileVersion = Encoding.UTF8.GetString(reader.Bytes());
                    break;
                case (5, 2):
                    (tag, value) = Summary(reader.Bytes());
                    break;
                default:
                    Assert.Fail($"unexpected Event field {field} (wire type {wire})");
                    break;
            }
        }

        return new TensorBoardEvent(wallTime, step, fileVersion, tag, value);
    }

    private static (string Tag, float Value) Summary(byte[] data)
    {
        var summary = new Fields(data);
        Assert.True(summary.Next(out int field, out int wire) && (field, wire) == (1, 2), "a Summary holds a Value");
        var value = new Fields(summary.Bytes());
        Assert.False(summary.Next(out _, out _), "one Value per Summary");
        Assert.True(value.Next(out field, out wire) && (field, wire) == (1, 2), "a Value starts with its tag");
        string tag = Encoding.UTF8.GetString(value.Bytes());
        Assert.True(value.Next(out field, out wire) && (field, wire) == (2, 5), "a Value's tag is followed by its simple_value");
        float number = BinaryPrimitives.ReadSingleLittleEndian(value.Fixed(4));
        Assert.False(value.Next(out _, out _), "a Value holds a tag and a simple_value only");
        return (tag, number);
    }

    /// <summary>Protobuf fields one after another.</summary>
    private sealed class Fields(byte[] data)
    {
        private int _at;

        public bool Next(out int field, out int wire)
        {
            if (_at == data.Length)
            {
                (field, wire) = (0, 0);
                return false;
            }

            ulong key = Varint();
            (field, wire) = ((int)(key >> 3), (int)(key & 7));
            return true;
        }

        public ulong Varint()
        {
            ulong value = 0;
            for (int shift = 0; ; shift += 7)
            {
                byte b = data[_at++];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }
        }

        public ReadOnlySpan<byte> Fixed(int count)
        {
            ReadOnlySpan<byte> bytes = data.AsSpan(_at, count);
            _at += count;
            return bytes;
        }

        public byte[] Bytes() => Fixed((int)Varint()).ToArray();
    }
}
