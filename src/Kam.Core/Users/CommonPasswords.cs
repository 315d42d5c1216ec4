using Microsoft.AspNetCore.Identity;

namespace Kam.Core.Users;

/// <summary>
/// Refuses the passwords an attacker tries first, whatever the length rules say: the most common ones (and the same
/// with digits or symbols at the end, "password1", "qwerty2026!"), one character repeated ("aaaaaaa1"), a run of the
/// keyboard or of digits, the user's own name in it, and a password with blanks at either end (a copy-and-paste slip
/// that the person would not type again).
/// </summary>
public sealed class CommonPasswords : IPasswordValidator<User>
{
    public const string TooCommon = "PasswordTooCommon";
    public const string Padded = "PasswordPadded";

    // The head of the published lists of leaked passwords, in Latin letters (Chinese users pick them too: "woaini",
    // "5201314" is "I love you for a lifetime"). Compared without case, after the digits and symbols at the end.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "", "password", "passw0rd", "pass", "passwd", "p@ssword", "p@ssw0rd", "qwerty", "qwertyuiop", "qwer", "asdf", "asdfgh",
        "asdfghjkl", "zxcv", "zxcvbn", "zxcvbnm", "qazwsx", "1qaz2wsx", "1q2w3e4r", "1q2w3e", "abc", "abcd", "abcdef",
        "abcdefg", "abcdefgh", "iloveyou", "woaini", "wangyi", "admin", "administrator", "root", "user", "guest", "test",
        "welcome", "letmein", "login", "master", "hello", "monkey", "dragon", "sunshine", "princess", "football",
        "baseball", "superman", "batman", "shadow", "michael", "jennifer", "charlie", "trustno", "starwars", "whatever",
        "freedom", "computer", "internet", "secret", "changeme", "default", "china", "beijing", "shanghai",
        "qq", "aini", "woaini1314", "huawei", "xiaomi", "baidu", "taobao", "wechat", "weixin", "company", "gongsi",
    };

    private static readonly string[] Runs = ["0123456789", "9876543210", "qwertyuiop", "asdfghjkl", "zxcvbnm", "abcdefghijklmnopqrstuvwxyz"];

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        if (password is null)
            return Task.FromResult(IdentityResult.Success);
        if (password.Length > 0 && (char.IsWhiteSpace(password[0]) || char.IsWhiteSpace(password[^1])))
            return Fail(Padded, "The password starts or ends with a blank.");
        return Task.FromResult(IsWeak(password, user.UserName) ? IdentityResult.Failed(new IdentityError { Code = TooCommon, Description = "The password is too common." }) : IdentityResult.Success);
    }

    public static bool IsWeak(string password, string? userName = null)
    {
        var lower = password.ToLowerInvariant();
        var stem = lower.TrimEnd("0123456789!@#$%^&*.,_-+=?~ ".ToCharArray());
        if (Common.Contains(lower) || Common.Contains(stem) || lower.Distinct().Count() <= 2)
            return true;
        if (Runs.Any(r => r.Contains(lower, StringComparison.Ordinal) || (stem.Length >= 4 && r.Contains(stem, StringComparison.Ordinal))))
            return true;
        return !string.IsNullOrEmpty(userName) && userName.Length >= 3 && lower.Contains(userName.ToLowerInvariant(), StringComparison.Ordinal);
    }

    private static Task<IdentityResult> Fail(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));
}
