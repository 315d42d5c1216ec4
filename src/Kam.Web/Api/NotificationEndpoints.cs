namespace Kam.Web.Api;

public static class NotificationEndpoints
{
    public static void MapNotifications(this RouteGroupBuilder api)
    {
    }
}
