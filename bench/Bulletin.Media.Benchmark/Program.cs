// Renditions of a 24-megapixel JPEG (6000 x 4000) with each image library NuGet offers: five widths (320 to 1920),
// each as WebP and JPEG, with metadata left out, as the media library makes them. Each library runs in a child
// process of its own, so the peak resident memory printed (VmHWM) is that library's and the runtime's alone.
// Usage: dotnet run -c Release --project bench/Bulletin.Media.Benchmark -- [--sets N]
using System.Diagnostics;
using System.Globalization;
using SkiaSharp;

var sets = args.Length >= 2 && args[0] == "--sets" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
int[] widths = [320, 640, 960, 1280, 1920];
if (args.Length >= 4 && args[2] == "--library")
{
    var bytes = await File.ReadAllBytesAsync(args[5]);
    var library = Libraries.All.Single(l => l.Name == args[3]);
    var before = ProcessMemory.ResidentMegabytes();
    var clock = Stopwatch.StartNew();
    long output = 0;
    for (var set = 0; set < sets; set++)
    {
        output += library.Renditions(bytes, widths);
    }

    clock.Stop();
    var count = sets * widths.Length * 2;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{library.Name,-28} {count / clock.Elapsed.TotalSeconds,8:F2} renditions/s {clock.Elapsed.TotalMilliseconds / sets,8:F0} ms/set   peak RSS {ProcessMemory.PeakMegabytes(),6:F0} MB (at start {before:F0} MB)   {output / sets / 1024,6} KiB out/set"));
    return;
}

var photo = Path.Combine(Path.GetTempPath(), $"bulletin-media-benchmark-{Environment.ProcessId}.jpg");
try
{
    await File.WriteAllBytesAsync(photo, TestPhoto.Make(6000, 4000));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"photo: 6000 x 4000 JPEG, {new FileInfo(photo).Length / 1024} KiB; {sets} sets of {widths.Length * 2} renditions ({string.Join(", ", widths)} px, WebP + JPEG); processors: {Environment.ProcessorCount}"));
    foreach (var library in Libraries.All)
    {
        using var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!,
            ["--sets", sets.ToString(CultureInfo.InvariantCulture), "--library", library.Name, "--photo", photo]))!;
        await child.WaitForExitAsync();
    }
}
finally
{
    File.Delete(photo);
}
