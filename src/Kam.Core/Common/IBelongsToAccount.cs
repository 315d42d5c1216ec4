namespace Kam.Core.Common;

/// <summary>A record that lives under an account: its audit entries carry the account, for the account's history.</summary>
public interface IBelongsToAccount
{
    Guid AccountId { get; }
}
