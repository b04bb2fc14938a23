using System.Diagnostics;

namespace Bulletin.Site.Benchmark;

/// <summary>
/// nginx serving one file, as the practical limit for the same bytes: one worker, sendfile, no access log, its own
/// pid, error log and temporary paths, in the foreground, pinned to the server core and stopped by its PID.
/// </summary>
internal sealed class Nginx : IDisposable
{
    private readonly Process _process;

    private Nginx(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public const string PagePath = "/story.html";

    public static async Task<Nginx> StartAsync(string folder, byte[] page, int port, string core)
    {
        var root = Directory.CreateDirectory(Path.Combine(folder, "nginx")).FullName;
        var www = Directory.CreateDirectory(Path.Combine(root, "www")).FullName;
        var temp = Directory.CreateDirectory(Path.Combine(root, "temp")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(www, PagePath.TrimStart('/')), page);
        // nginx's worker is not root: the file and every folder above it must be readable by others.
        foreach (var path in new[] { folder, root, www, temp })
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
            }
        }

        var config = Path.Combine(root, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            worker_processes 1;
            daemon off;
            pid {{root}}/nginx.pid;
            error_log {{root}}/error.log;
            events { worker_connections 1024; }
            http {
                access_log off;
                sendfile on;
                tcp_nopush on;
                keepalive_requests 1000000;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                types { text/html html; }
                default_type text/html;
                server {
                    listen 127.0.0.1:{{port}};
                    root {{www}};
                    location / { }
                }
            }
            """);
        var info = new ProcessStartInfo("taskset") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-c", core, "nginx", "-c", config, "-p", root })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("nginx did not start.");
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var nginx = new Nginx(process, $"http://127.0.0.1:{port}");
        using var client = new HttpClient();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                if ((await client.GetAsync(nginx.BaseUrl + PagePath)).IsSuccessStatusCode)
                {
                    return nginx;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(50);
        }

        nginx.Dispose();
        throw new InvalidOperationException("nginx did not answer; see " + Path.Combine(root, "error.log"));
    }

    /// <summary>The master's and its worker's processor time.</summary>
    public TimeSpan ProcessorTime() =>
        ProcessStats.Children(_process.Id).Aggregate(ProcessStats.ProcessorTime(_process.Id), (sum, child) => sum + ProcessStats.ProcessorTime(child));

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
