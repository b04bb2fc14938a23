using System.Reflection;
using System.Security.Cryptography;

namespace Bulletin.Hosting;

/// <summary>
/// A stylesheet or script that travels inside the executable, served at an address named for its content, so it can
/// be cached for a year and a new build is fetched at once. Pages link files like these: the Content-Security-Policy
/// allows no inline script or style.
/// </summary>
public sealed record EmbeddedAsset(string Path, string ContentType, byte[] Bytes)
{
    public static EmbeddedAsset Load(string resource, string contentType)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{resource} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
        var name = System.IO.Path.GetFileNameWithoutExtension(resource);
        return new EmbeddedAsset($"/{name}-{hash}{System.IO.Path.GetExtension(resource)}", contentType, bytes);
    }

    public void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Bytes(Bytes, ContentType);
        }).AllowAnonymous();
}
