using System.Text;

namespace Kam.Core.Attachments;

/// <summary>
/// What an uploaded file is, decided by Kam and never taken from the uploader: its extension must be allowed and its
/// first bytes must be what that kind of file starts with (an executable renamed ".pdf" is refused), and it is served
/// back with the type that belongs to its extension. File names lose what could mislead a person or a file system:
/// folders, control characters and the bidirectional marks that make "exe.pdf" read as "fdp.exe".
/// </summary>
public static class FileTypes
{
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static readonly Dictionary<string, (string ContentType, Func<byte[], bool> Matches)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", h => StartsWith(h, "%PDF-"u8.ToArray())),
        [".jpg"] = ("image/jpeg", h => StartsWith(h, [0xFF, 0xD8, 0xFF])),
        [".jpeg"] = ("image/jpeg", h => StartsWith(h, [0xFF, 0xD8, 0xFF])),
        [".png"] = ("image/png", h => StartsWith(h, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
        [".gif"] = ("image/gif", h => StartsWith(h, "GIF87a"u8.ToArray()) || StartsWith(h, "GIF89a"u8.ToArray())),
        [".webp"] = ("image/webp", h => StartsWith(h, "RIFF"u8.ToArray()) && h.Length >= 12 && Encoding.ASCII.GetString(h, 8, 4) == "WEBP"),
        [".doc"] = ("application/msword", h => StartsWith(h, Ole)),
        [".xls"] = ("application/vnd.ms-excel", h => StartsWith(h, Ole)),
        [".ppt"] = ("application/vnd.ms-powerpoint", h => StartsWith(h, Ole)),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", h => StartsWith(h, Zip)),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", h => StartsWith(h, Zip)),
        [".pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", h => StartsWith(h, Zip)),
    };

    /// <summary>
    /// The checks every upload passes, in order: an allowed extension, not empty, not above the limit, first bytes that
    /// match the extension. The clean name, its extension and the bytes already read (to be written first) on success.
    /// </summary>
    public static async Task<(Common.Error? Refused, string Name, string Extension, byte[] Header)> CheckUploadAsync(string? fileName, long length, Stream content,
        IReadOnlyCollection<string> extensions, long maxBytes, CancellationToken ct)
    {
        var name = CleanName(fileName);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!extensions.Contains(extension))
            return (Common.Error.Validation("file", "attachment.type_not_allowed", string.Join(" ", extensions)), name, extension, []);
        if (length <= 0)
            return (Common.Error.Validation("file", "attachment.empty"), name, extension, []);
        if (length > maxBytes)
            return (Common.Error.Validation("file", "attachment.too_large", maxBytes / 1024 / 1024), name, extension, []);
        var header = new byte[HeaderLength];
        var read = await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        Array.Resize(ref header, read);
        return Matches(extension, header)
            ? (null, name, extension, header)
            : (Common.Error.Validation("file", "attachment.content_mismatch", extension), name, extension, header);
    }

    /// <summary>How many first bytes <see cref="Matches"/> needs.</summary>
    public const int HeaderLength = 16;

    /// <summary>The type Kam serves a file of this extension as (a type it does not know is served as a download).</summary>
    public static string ContentTypeOf(string extension) =>
        Known.TryGetValue(extension, out var known) ? known.ContentType : "application/octet-stream";

    /// <summary>Whether the first bytes are what a file of this extension starts with (unknown extensions: always).</summary>
    public static bool Matches(string extension, byte[] header) =>
        !Known.TryGetValue(extension, out var known) || known.Matches(header);

    /// <summary>The name without folders, control characters or bidirectional marks, at most 200 characters.</summary>
    public static string CleanName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c) && !IsBidi(c)).ToArray()).Trim().TrimStart('.');
        if (name.Length == 0)
            name = "file";
        return name.Length > 200 ? name[^200..] : name;
    }

    private static bool IsBidi(char c) => c is '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u061C';

    private static bool StartsWith(byte[] header, byte[] prefix) => header.Length >= prefix.Length && header.AsSpan(0, prefix.Length).SequenceEqual(prefix);
}

/// <summary>A stream that gives back the bytes already read from another, then the rest of it.</summary>
internal sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
{
    private int _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position < prefix.Length)
        {
            var n = Math.Min(buffer.Length, prefix.Length - _position);
            prefix.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }
        return rest.Read(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position < prefix.Length)
        {
            var n = Math.Min(buffer.Length, prefix.Length - _position);
            prefix.AsMemory(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }
        return await rest.ReadAsync(buffer, cancellationToken);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
