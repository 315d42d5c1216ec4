using Kam.Core.Attachments;

namespace Kam.Infrastructure.Data;

/// <summary>Files under Kam:DataDir/files; point Kam:DataDir at a shared directory when several servers run.</summary>
public sealed class DirectoryFileStore(DatabaseSettings settings) : IFileStore
{
    private string Root => Path.Combine(settings.DataDir, "files");

    private string PathOf(string name)
    {
        var full = Path.GetFullPath(Path.Combine(Root, name));
        if (!full.StartsWith(Path.GetFullPath(Root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException("Invalid stored name", nameof(name));
        return full;
    }

    public async Task SaveAsync(string name, Stream content, CancellationToken ct)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = File.Create(path);
        await content.CopyToAsync(file, ct);
    }

    public Stream? Open(string name)
    {
        var path = PathOf(name);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }
}
