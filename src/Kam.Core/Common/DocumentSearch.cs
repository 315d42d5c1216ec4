using System.Linq.Expressions;

namespace Kam.Core.Common;

/// <summary>
/// The search of a list of documents under accounts (contracts, payments, projects, service cases): a document is found
/// by its own text (its number, title, reference…) or by its account's. One place, so that the four lists search alike
/// and the shape that each database answers quickly is chosen once.
/// </summary>
public static class DocumentSearch
{
    /// <summary>
    /// Above this many ids a filter keeps its subquery: a list of values that long costs more to send and to probe than
    /// the subquery costs to run (a fragment such as 有限 names nearly every account).
    /// </summary>
    public const int MostIdsRead = 5000;

    /// <summary>
    /// The <paramref name="records"/> whose own text contains <paramref name="text"/> (<paramref name="exact"/>, narrowed
    /// first through the search index's entries of <paramref name="kind"/>) or whose account is among
    /// <paramref name="accounts"/>. <paramref name="mostIdsRead"/> is for the tests that compare the two shapes.
    /// </summary>
    public static IQueryable<T> OwnTextOrAccount<T>(this IQueryable<T> records, IKamDb db, SearchKind kind, string text,
        Expression<Func<T, bool>> exact, IQueryable<Guid> accounts, int mostIdsRead = MostIdsRead)
        where T : Entity, IBelongsToAccount
    {
        if (!SearchWords.Narrows(text))
            return records.Where(Either(exact, r => accounts.Contains(r.AccountId)));
        var own = db.Matching(kind, text.ToLowerInvariant());
        if (db.FiltersByIdsRead)
        {
            // PostgreSQL answers "in this subquery OR in that one" by testing every row of the list against both
            // (a scan of 100,000 contracts to count one search); with the ids as values it reads each index and
            // joins the two (BitmapOr), and it knows how many there are when it chooses between that and walking
            // the list's order.
            var ownIds = own.Take(mostIdsRead + 1).ToList();
            var accountIds = ownIds.Count <= mostIdsRead ? accounts.Take(mostIdsRead + 1).ToList() : null;
            if (accountIds is not null && accountIds.Count <= mostIdsRead)
                return records.Where(Either(Both(r => ownIds.Contains(r.Id), exact), r => accountIds.Contains(r.AccountId)));
        }
        return records.Where(Either(Both(r => own.Contains(r.Id), exact), r => accounts.Contains(r.AccountId)));
    }

    /// <summary>
    /// "The record's account is among <paramref name="accounts"/>", in the shape the database answers quickest: on
    /// PostgreSQL the ids read first (at most <see cref="MostIdsRead"/>), so that it can walk a list's order and keep
    /// the rows of those accounts, or count them from the account index, instead of joining every row to the subquery.
    /// </summary>
    public static Expression<Func<T, bool>> InAccounts<T>(IKamDb db, IQueryable<Guid> accounts)
        where T : IBelongsToAccount
    {
        if (db.FiltersByIdsRead)
        {
            var ids = accounts.Take(MostIdsRead + 1).ToList();
            if (ids.Count <= MostIdsRead)
                return r => ids.Contains(r.AccountId);
        }
        return r => accounts.Contains(r.AccountId);
    }

    public static Expression<Func<T, bool>> Either<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Join(left, right, Expression.OrElse);

    private static Expression<Func<T, bool>> Both<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Join(left, right, Expression.AndAlso);

    private static Expression<Func<T, bool>> Join<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right,
        Func<Expression, Expression, BinaryExpression> join)
    {
        var r = left.Parameters[0];
        var body = new Rebind(right.Parameters[0], r).Visit(right.Body);
        return Expression.Lambda<Func<T, bool>>(join(left.Body, body), r);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
