using Kam.Core.Accounts;
using Kam.Core.Common;

namespace Kam.Core.Visits;

/// <summary>The contacts met on a visit are seen with the visit.</summary>
public sealed class VisitContactScope : IScopeRule<VisitContact>
{
    public IQueryable<VisitContact> Visible(IQueryable<VisitContact> all, IKamDb db, ICurrentUser me) =>
        DataScope.SeesAllAccounts(me) ? all : all.Where(c => db.Read<Visit>().Any(v => v.Id == c.VisitId));
}
