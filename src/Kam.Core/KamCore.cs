using FluentValidation;
using Kam.Core.Audit;
using Kam.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core;

public static class KamCore
{
    /// <summary>Registers every use case handler and validator of the core.</summary>
    public static IServiceCollection AddKamCore(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(KamCore).Assembly, includeInternalTypes: true);
        services.AddScoped<ListUsers>().AddScoped<GetUser>().AddScoped<CreateUser>().AddScoped<UpdateUser>()
            .AddScoped<DeactivateUser>().AddScoped<ReactivateUser>().AddScoped<ResetPassword>().AddScoped<ChangePassword>()
            .AddScoped<ListAuditEntries>();
        return services;
    }
}
