namespace Kam.Core.Common;

/// <summary>Escapes user text for a LIKE pattern, so "50%" searches for "50%" and not "50 followed by anything".</summary>
public static class Like
{
    public const string EscapeCharacter = "\\";

    public static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
