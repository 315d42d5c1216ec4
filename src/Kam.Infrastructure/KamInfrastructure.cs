using Kam.Core.Common;
using Kam.Infrastructure.Data;
using Kam.Infrastructure.Seeding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Infrastructure;

public static class KamInfrastructure
{
    public static IServiceCollection AddKamInfrastructure(this IServiceCollection services, IConfiguration config)
    {
        var settings = DatabaseSettings.From(config);
        Directory.CreateDirectory(settings.DataDir);
        services.AddSingleton(settings);
        services.AddDbContext<KamDbContext>(settings.Apply);
        services.AddScoped<IKamDb>(sp => sp.GetRequiredService<KamDbContext>());
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<DerivedData>();
        services.AddScoped<Backups>();
        services.AddScoped<IDatabaseMaintenance, DatabaseMaintenance>();
        services.AddSingleton<Kam.Core.Attachments.IFileStore, DirectoryFileStore>();
        services.AddOptions<Kam.Core.Attachments.AttachmentOptions>().Bind(config.GetSection("Kam:Attachments"));
        services.AddOptions<Kam.Core.Accounts.PrivacyOptions>().Bind(config.GetSection("Kam:Privacy"));
        services.AddOptions<Mail.SmtpOptions>().Bind(config.GetSection("Kam:Smtp"));
        services.AddSingleton<Mail.SmtpMailer>();
        services.AddScoped<AdminBootstrap>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<ISeedStep, DemoUsersStep>();
        services.AddScoped<ISeedStep, ScaleTeamStep>();
        services.AddScoped<ISeedStep, DemoAccountsStep>();
        services.AddScoped<ISeedStep, DemoChannelAgentsStep>();
        services.AddScoped<ISeedStep, DemoFieldWorkStep>();
        services.AddScoped<ISeedStep, DemoTargetsStep>();
        services.AddScoped<ISeedStep, DemoPlansStep>();
        services.AddScoped<ISeedStep, DemoExpensesStep>();
        services.AddScoped<ISeedStep, DemoServiceStep>();
        services.AddScoped<ISeedStep, DemoAppraisalStep>();
        services.AddScoped<ISeedStep, DemoCommissionStep>();
        services.AddScoped<ISeedStep, DemoDealsStep>();
        services.AddOptions<DemoOptions>().Bind(config.GetSection("Kam:DemoOptions"));
        services.TryAddTimeProvider();
        return services;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(s => s.ServiceType != typeof(TimeProvider)))
            services.AddSingleton(TimeProvider.System);
    }
}
