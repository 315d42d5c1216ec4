using Kam.Core.Common;

namespace Kam.Core.Notifications;

/// <summary>A notification is its addressee's alone, whatever their role; background jobs read them all.</summary>
public sealed class NotificationScope : IScopeRule<Notification>
{
    public IQueryable<Notification> Visible(IQueryable<Notification> all, IKamDb db, ICurrentUser me)
    {
        if (me.IsSystem)
            return all;
        if (me.Id is not { } id)
            return all.Where(n => false);
        return all.Where(n => n.UserId == id);
    }
}
