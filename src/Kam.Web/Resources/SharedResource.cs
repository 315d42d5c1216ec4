namespace Kam.Web.Resources;

/// <summary>Anchor of the shared resource files: SharedResource.resx (zh-CN, the default) and SharedResource.en.resx.</summary>
public sealed class SharedResource;
