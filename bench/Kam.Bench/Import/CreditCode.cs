namespace Kam.Bench.Import;

/// <summary>
/// Unified social credit codes (GB 32100-2015): "9" (registered by market regulation) + "1" (enterprise) +
/// 6-digit division code + 9-char organisation code (GB 11714, its 9th char a check digit) + a check char.
/// The import is expected to reject invalid codes, so generated rows must pass both checks.
/// </summary>
public static class CreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrgWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>31^8: how many distinct 8-char organisation-code bodies the alphabet allows.</summary>
    private const long BodySpace = 852_891_037_441;

    /// <summary>
    /// A code for the <paramref name="serial"/>-th row. The body is an affine bijection of the serial (so codes
    /// never repeat within a file, unlike random draws) that still looks random; <paramref name="salt"/> varies it per seed.
    /// </summary>
    public static string Create(string division, long serial, long salt)
    {
        if (division.Length != 6 || !division.All(char.IsAsciiDigit))
            throw new ArgumentException("A division code has 6 digits.", nameof(division));
        // 3^24 is coprime to 31^8, so x -> a*x + b (mod 31^8) visits every body exactly once.
        const long a = 282_429_536_481;
        var x = (long)(((UInt128)a * (ulong)serial + (ulong)(salt % BodySpace)) % BodySpace);
        Span<char> body = stackalloc char[8];
        for (var i = 7; i >= 0; i--)
        {
            body[i] = Alphabet[(int)(x % 31)];
            x /= 31;
        }
        var org = new string(body) + OrgCheck(body);
        var first17 = "91" + division + org;
        return first17 + CheckChar(first17);
    }

    /// <summary>GB 11714: letters count 10 (A) to 35 (Z), digits their value; c9 = 11 - Σ mod 11, 10 → X, 11 → 0.</summary>
    public static char OrgCheck(ReadOnlySpan<char> first8)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
            sum += OrgValue(first8[i]) * OrgWeights[i];
        return (11 - (sum % 11)) switch
        {
            10 => 'X',
            11 => '0',
            var d => (char)('0' + d),
        };
    }

    /// <summary>GB 32100: the 18th char is Alphabet[(31 - Σ index*weight mod 31) mod 31] over the first 17.</summary>
    public static char CheckChar(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        return Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>Why <paramref name="code"/> is not a valid enterprise code, or null when it is.</summary>
    public static string? Problem(string? code)
    {
        if (code is null || code.Length != 18)
            return "not 18 characters";
        if (code.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
            return "a character outside 0-9A-Y without I, O, S, V, Z";
        if (!code.StartsWith("91", StringComparison.Ordinal) || code.AsSpan(2, 6).ContainsAnyExceptInRange('0', '9'))
            return "does not start with 91 and a 6-digit division code";
        if (OrgCheck(code.AsSpan(8, 8)) != code[16])
            return "organisation code check digit (GB 11714) is wrong";
        return CheckChar(code.AsSpan(0, 17)) != code[17] ? "check character (GB 32100) is wrong" : null;
    }

    private static int OrgValue(char c) => char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
}
