using Kam.Core.Common;
using Kam.Core.Notifications;
using Kam.Web.Jobs;
using Kam.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Kam.Web.Api;

/// <summary>A notification with its text in the request's language.</summary>
public sealed record NotificationItem(Guid Id, string Kind, string Text, string? Subject, DateOnly? DueOn, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public static class NotificationEndpoints
{
    /// <summary>Everyone's own notification centre: open to every signed-in user, each sees only their own.</summary>
    public static void MapNotifications(this RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications").OpenToEverySignedInUser();
        notifications.MapGet("", async ([AsParameters] NotificationQuery query, ListNotifications list, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var page = await list.Handle(query, ct);
            var items = page.Items.Select(n => new NotificationItem(n.Id, n.Kind, NotificationTexts.Text(l, n), n.Subject, n.DueOn, n.Link, n.CreatedAt, n.ReadAt)).ToList();
            return TypedResults.Ok(new PagedResult<NotificationItem>(items, page.Total));
        });
        notifications.MapGet("/unread-count", async (ListNotifications list, CancellationToken ct) =>
            TypedResults.Ok(new UnreadCount(await list.UnreadCount(ct))));
        notifications.MapPost("/{id:guid}/read", async (Guid id, MarkNotificationsRead mark, HttpContext ctx, CancellationToken ct) =>
            (await mark.One(id, ct)).NoContent(ctx));
        notifications.MapPost("/read-all", async (MarkNotificationsRead mark, CancellationToken ct) =>
            TypedResults.Ok(new MarkedRead(await mark.All(ct))));
    }

    public sealed record UnreadCount(int Count);

    public sealed record MarkedRead(int Marked);
}
