using Kam.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kam.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model for this provider; never used at run time.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<KamDbContext>
{
    public KamDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<KamDbContext>();
        new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design.db", ".").Apply(options);
        return new KamDbContext(options.Options, new SystemUser(), TimeProvider.System);
    }
}
