using Kam.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kam.Migrations.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the model for this provider; never used at run time.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<KamDbContext>
{
    public KamDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<KamDbContext>();
        new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=kam_design;Username=postgres", ".").Apply(options);
        return new KamDbContext(options.Options, new SystemUser(), TimeProvider.System);
    }
}
