using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Tests;

/// <summary>Every record type declares its data scope, and reading each in scope works for every role.</summary>
public sealed class DataScopeTests
{
    private sealed class Person(Guid? id, params string[] roles) : ICurrentUser
    {
        public Guid? Id => id;

        public string? UserName => id is null ? null : "someone";

        public bool IsInRole(string role) => roles.Contains(role);

        public bool IsSystem => false;
    }

    private static KamDbContext Open(SqliteConnection connection, ICurrentUser me)
    {
        var options = new DbContextOptionsBuilder<KamDbContext>()
            .UseSqlite(connection, o => o.MigrationsAssembly(DatabaseSettings.SqliteMigrations));
        return new KamDbContext(options.Options, me, TimeProvider.System);
    }

    [Fact]
    public void Every_entity_type_in_the_model_declares_its_data_scope()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        using var db = Open(connection, new SystemUser());
        var undeclared = db.Model.GetEntityTypes().Where(t => !t.IsOwned() && DataScopes.Declared(t.ClrType) is null)
            .Select(t => t.ClrType.Name).ToList();
        Assert.True(undeclared.Count == 0, $"no [Scoped] declaration on: {string.Join(", ", undeclared)}");
    }

    [Fact]
    public void Every_account_scoped_type_lives_under_an_account_and_every_rule_fits_its_type()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        using var db = Open(connection, new SystemUser());
        foreach (var type in db.Model.GetEntityTypes().Select(t => t.ClrType))
        {
            var declared = DataScopes.Declared(type)!;
            if (declared.Scope == Scope.Account)
                Assert.True(typeof(IBelongsToAccount).IsAssignableFrom(type), $"{type.Name} is account-scoped but has no AccountId");
            if (declared.Scope is Scope.Person or Scope.Parent)
            {
                Assert.NotNull(declared.Rule);
                Assert.True(typeof(IScopeRule<>).MakeGenericType(type).IsAssignableFrom(declared.Rule), $"{type.Name}'s rule is for another type");
            }
            else
            {
                Assert.Null(declared.Rule);
            }
        }
    }

    public static TheoryData<string> People() => new() { "head", "assistant", "executive", "am", "admin", "nobody" };

    private static ICurrentUser As(string who) => who switch
    {
        "head" => new Person(Guid.CreateVersion7(), Roles.Head),
        "assistant" => new Person(Guid.CreateVersion7(), Roles.Assistant),
        "executive" => new Person(Guid.CreateVersion7(), Roles.Executive),
        "am" => new Person(Guid.CreateVersion7(), Roles.AccountManager),
        "admin" => new Person(Guid.CreateVersion7(), Roles.Admin),
        _ => new Person(null),
    };

    [Theory]
    [MemberData(nameof(People))]
    public async Task Every_entity_type_can_be_read_in_scope_by_every_role(string who)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using (var system = Open(connection, new SystemUser()))
            await system.Database.MigrateAsync();
        await using var db = Open(connection, As(who));
        var read = typeof(KamDbContext).GetMethod(nameof(KamDbContext.Read))!;
        foreach (var type in db.Model.GetEntityTypes().Select(t => t.ClrType))
        {
            var query = (IQueryable<object>)read.MakeGenericMethod(type).Invoke(db, null)!;
            Assert.Empty(await query.Take(1).ToListAsync()); // translates and runs on an empty database
        }
    }
}
