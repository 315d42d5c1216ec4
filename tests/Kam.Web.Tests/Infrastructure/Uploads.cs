using System.Net.Http.Headers;

namespace Kam.Web.Tests.Infrastructure;

/// <summary>A multipart form with one file in the field "file", as the upload endpoints take it.</summary>
public static class Uploads
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static MultipartFormDataContent File(string name, byte[] bytes, string contentType = "application/octet-stream")
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "file", name);
        return content;
    }
}
