namespace Kam.Bench.Scenarios;

/// <summary>Fills <c>{fragment}</c> and <c>{id}</c> in a scenario path; both values are URL-escaped.</summary>
public static class PathTemplate
{
    public static string Fill(string template, string? fragment, string? id)
    {
        var path = template;
        if (path.Contains("{fragment}", StringComparison.Ordinal))
        {
            if (fragment is null)
                throw new InvalidOperationException($"'{template}' needs {{fragment}}: set \"fragment\" in the scenario file.");
            path = path.Replace("{fragment}", Uri.EscapeDataString(fragment), StringComparison.Ordinal);
        }
        if (path.Contains("{id}", StringComparison.Ordinal))
        {
            if (id is null)
                throw new InvalidOperationException($"'{template}' needs {{id}}, which was not resolved.");
            path = path.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal);
        }
        return path;
    }
}
