using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SkiaSharp;

namespace Bulletin.Tests.Media;

/// <summary>Uploading to the media library as a client would, photos made for a test, and exiftool as the outside reader.</summary>
internal static class MediaUploads
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] file, string fileName,
        string? caption = "폭설에 갇힌 차량들", string? credit = "김하늘 기자", string? alt = "눈에 덮인 도로 위에 멈춰 선 차들", params (string Name, string Value)[] more)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        foreach (var (name, value) in new[] { ("caption", caption), ("credit", credit), ("alt", alt) })
        {
            if (value is not null)
            {
                form.Add(new StringContent(value), name);
            }
        }

        foreach (var (name, value) in more)
        {
            form.Add(new StringContent(value), name);
        }

        return await client.PostAsync(new Uri("/api/newsroom/media", UriKind.Relative), form, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonObject> UploadAsync(HttpClient client, byte[] file, string fileName = "photo.jpg",
        string? caption = "폭설에 갇힌 차량들", string? credit = "김하늘 기자", string? alt = "눈에 덮인 도로 위에 멈춰 선 차들", params (string Name, string Value)[] more)
    {
        var response = await PostAsync(client, file, fileName, caption, credit, alt, more);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return await NewsroomApi.ReadAsync(response);
    }

    /// <summary>A photo-like JPEG (gradients and noise) of the given size.</summary>
    public static byte[] Jpeg(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var random = new Random(width ^ height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint();
            paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
                [new SKColor(30, 90, 160), new SKColor(230, 200, 120)], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, width, height, paint);
            using var dot = new SKPaint { Color = new SKColor(200, 30, 40) };
            for (var i = 0; i < 200; i++)
            {
                canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(2, 12), dot);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>The metadata exiftool finds in a file, as "Group:Tag" names (File and Composite groups left out: they describe the file, not what it carries).</summary>
    public static async Task<IReadOnlyList<string>> ExifToolTagsAsync(byte[] file)
    {
        if (!File.Exists("/usr/bin/exiftool"))
        {
            Assert.Skip("exiftool is not installed (apt-get install libimage-exiftool-perl; test.sh does it as root).");
        }

        var path = Path.Combine(Path.GetTempPath(), $"bulletin-exif-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(path, file, TestContext.Current.CancellationToken);
        try
        {
            var output = await RunAsync("/usr/bin/exiftool", "-json", "-G1", "-a", "-u", path);
            var tags = JsonNode.Parse(output)!.AsArray()[0]!.AsObject();
            return [.. tags.Select(t => t.Key).Where(k => k.Contains(':', StringComparison.Ordinal)
                && !k.StartsWith("System:", StringComparison.Ordinal) && !k.StartsWith("File:", StringComparison.Ordinal)
                && !k.StartsWith("Composite:", StringComparison.Ordinal) && !k.StartsWith("ExifTool:", StringComparison.Ordinal))];
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Writes an EXIF orientation into a JPEG with exiftool, as a phone held on its side would.</summary>
    public static async Task<byte[]> WithOrientationAsync(byte[] jpeg, int orientation)
    {
        if (!File.Exists("/usr/bin/exiftool"))
        {
            Assert.Skip("exiftool is not installed (apt-get install libimage-exiftool-perl; test.sh does it as root).");
        }

        var path = Path.Combine(Path.GetTempPath(), $"bulletin-exif-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(path, jpeg, TestContext.Current.CancellationToken);
        try
        {
            await RunAsync("/usr/bin/exiftool", "-overwrite_original", $"-Orientation#={orientation}", "-GPSLatitude=37.5665", "-GPSLatitudeRef=N", path);
            return await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{program} failed: {await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)}");
        return output;
    }
}
