using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Common;

/// <summary>
/// A capability's registrations: its use cases, rules and the parts it plugs into shared features (timeline sources,
/// handover parts, approval documents). Every public class implementing it in Kam.Core is found and called by
/// <see cref="KamCore.AddKamCore"/>, so a new capability registers itself from its own folder.
/// </summary>
public interface IKamModule
{
    void Register(IServiceCollection services);
}
