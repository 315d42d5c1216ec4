using System.Linq.Expressions;
using Kam.Core.Accounts;

namespace Kam.Core.Common;

/// <summary>
/// The scope of a part of another record (a line, an attendee, a step, a note): it is seen exactly when its parent is,
/// by the parent's own <see cref="IKamDb.Read{T}"/>. Those who see every parent (<paramref name="seesAll"/>, by default
/// whoever sees every account) get no condition at all; anyone else gets "a visible parent with this key exists".
/// </summary>
public abstract class ThroughParent<TChild, TParent>(Expression<Func<TChild, Guid>> parentKey, Func<ICurrentUser, bool>? seesAll = null)
    : IScopeRule<TChild>
    where TChild : class
    where TParent : Entity
{
    private static readonly System.Reflection.MethodInfo AnyWithPredicate = typeof(Queryable).GetMethods()
        .Single(m => m.Name == nameof(Queryable.Any) && m.GetParameters().Length == 2)
        .MakeGenericMethod(typeof(TParent));

    public IQueryable<TChild> Visible(IQueryable<TChild> all, IKamDb db, ICurrentUser me)
    {
        if ((seesAll ?? DataScope.SeesAllAccounts)(me))
            return all;
        // child => db.Read<TParent>().Any(p => p.Id == parentKey(child))
        var parent = Expression.Parameter(typeof(TParent), "p");
        var sameKey = Expression.Lambda<Func<TParent, bool>>(
            Expression.Equal(Expression.Property(parent, nameof(Entity.Id)), parentKey.Body), parent);
        var exists = Expression.Call(AnyWithPredicate, db.Read<TParent>().Expression, sameKey);
        return all.Where(Expression.Lambda<Func<TChild, bool>>(exists, parentKey.Parameters));
    }
}
