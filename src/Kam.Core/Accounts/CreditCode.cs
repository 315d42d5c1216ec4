namespace Kam.Core.Accounts;

/// <summary>
/// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character alphabet
/// (no I, O, S, V, Z), the last a check character over the first 17. The division code inside is not checked:
/// codes issued in places that have since been merged or renamed stay valid.
/// </summary>
public static class CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    public static bool HasValidShape(string code) => code.Length == 18 && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    public static bool IsValid(string code) => HasValidShape(code) && code[17] == CheckCharacter(code);

    /// <summary>The check character the first 17 characters call for.</summary>
    public static char CheckCharacter(string code)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += Alphabet.IndexOf(code[i], StringComparison.Ordinal) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }
}
