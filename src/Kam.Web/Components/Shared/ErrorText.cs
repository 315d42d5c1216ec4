using Kam.Core.Common;
using Kam.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Kam.Web.Components.Shared;

public static class ErrorText
{
    /// <summary>One readable sentence for an error shown as a message rather than beside a field.</summary>
    public static string Of(IStringLocalizer<SharedResource> l, Error error) =>
        error.Fields.Count == 0
            ? l[error.Code].Value
            : l[error.Code].Value + " " + string.Join(" ", error.Fields.Select(f => l[f.Code, f.Args].Value));

    /// <summary>Each field's message, to show beside it (the first where the server gave a field more than one).</summary>
    public static Dictionary<string, string> ByField(IStringLocalizer<SharedResource> l, Error error) =>
        error.Fields.GroupBy(f => f.Field).ToDictionary(g => g.Key, g => l[g.First().Code, g.First().Args].Value);
}
