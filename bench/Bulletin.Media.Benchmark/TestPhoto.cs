using SkiaSharp;

/// <summary>A photo-like picture: gradients with noise, so that it compresses like a camera's JPEG, not like a flat fill.</summary>
internal static class TestPhoto
{
    public static byte[] Make(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var random = new Random(12);
        var pixels = bitmap.GetPixelSpan();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = ((y * width) + x) * 4;
                var noise = random.Next(24);
                pixels[i] = (byte)((x * 255 / width) ^ noise);
                pixels[i + 1] = (byte)((y * 255 / height) ^ noise);
                pixels[i + 2] = (byte)(((x + y) * 127 / (width + height)) + noise);
                pixels[i + 3] = 255;
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
