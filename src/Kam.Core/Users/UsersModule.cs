using Kam.Core.Audit;
using Kam.Core.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Users;

public sealed class UsersModule : IKamModule
{
    /// <inheritdoc/>
    public void Register(IServiceCollection services)
    {
        services.AddScoped<ListUsers>().AddScoped<GetUser>().AddScoped<CreateUser>().AddScoped<UpdateUser>()
            .AddScoped<DeactivateUser>().AddScoped<ReactivateUser>().AddScoped<ResetPassword>().AddScoped<ChangePassword>()
            .AddScoped<ListAuditEntries>().AddScoped<Settings>();
    }
}
