using Kam.Core.Common;

namespace Kam.Core.Channels;

/// <summary>An agent or dealer serving key accounts in a territory under an agreement (渠道代理).</summary>
[Scoped(Scope.Department)]
public class ChannelAgent : Entity, IArchivable
{
    public string Name { get; set; } = "";

    /// <summary>Comma-separated GB/T 2260 codes of the provinces and cities it covers.</summary>
    public string? Territory { get; set; }

    public string? AgreementNo { get; set; }

    public DateOnly? AgreementStart { get; set; }

    public DateOnly? AgreementEnd { get; set; }

    public string? ContactPerson { get; set; }

    public string? ContactPhone { get; set; }

    public string? Notes { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }
}

/// <summary>An account an agent serves.</summary>
[Scoped(Scope.Account)]
public class AgentAccount : IAudited, IBelongsToAccount
{
    public Guid AgentId { get; set; }

    public Guid AccountId { get; set; }
}
