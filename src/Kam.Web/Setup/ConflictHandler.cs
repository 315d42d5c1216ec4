using Kam.Core.Common;
using Kam.Web.Api;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kam.Web.Setup;

/// <summary>
/// A race that a use case did not foresee ends as a clean 409, never a 500: a stale version
/// (<see cref="DbUpdateConcurrencyException"/>), a unique key that the other request took a moment earlier, or a
/// transaction the database chose as the loser (PostgreSQL's deadlock and serialization failures, SQLite's busy
/// database). Nothing was written: the failed SaveChanges ran in its own transaction.
/// </summary>
public sealed class ConflictHandler(ILogger<ConflictHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext ctx, Exception exception, CancellationToken ct)
    {
        if (ctx.Response.HasStarted || !IsRace(exception))
            return false;
        log.LogInformation(exception, "A concurrent change won the race: {Method} {Path} answers 409", ctx.Request.Method, ctx.Request.Path);
        await Problems.From(Error.Conflict(), ctx).ExecuteAsync(ctx);
        return true;
    }

    public static bool IsRace(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DbUpdateConcurrencyException:
                    return true;
                // 23505 unique violation, 40001 serialization failure, 40P01 deadlock.
                case PostgresException pg when pg.SqlState is "23505" or "40001" or "40P01":
                    return true;
                // 19 constraint (with 2067 unique / 1555 primary key), 5 busy, 6 locked.
                case SqliteException sqlite when sqlite.SqliteExtendedErrorCode is 2067 or 1555 || sqlite.SqliteErrorCode is 5 or 6:
                    return true;
            }
        }
        return false;
    }
}
