namespace Kam.Web.Tests.Infrastructure;

/// <summary>A test that needs PostgreSQL (KAM_TEST_DB=Postgres): reported as skipped, with the reason, on SQLite.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute(string reason)
    {
        if (!TestDatabase.IsPostgres)
            Skip = $"Needs PostgreSQL (KAM_TEST_DB=Postgres): {reason}";
    }
}
