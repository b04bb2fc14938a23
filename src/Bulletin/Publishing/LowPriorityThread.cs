using System.Runtime.InteropServices;

namespace Bulletin.Publishing;

/// <summary>
/// Lowers the calling thread's scheduling priority, so long background work (a search index rebuild) takes only
/// the processor time readers leave. .NET's Thread.Priority does nothing on Linux, where each thread has its own
/// nice value, raised with setpriority(2) on the thread's id (which needs no privilege).
/// </summary>
internal static class LowPriorityThread
{
    private const int PrioProcess = 0;

    /// <summary>The kernel's lowest priority: the thread runs when nothing else wants the core.</summary>
    private const int Nicest = 19;

    /// <summary>True when the thread's priority is now below the site's.</summary>
    public static bool TryLowerCurrent()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                return setpriority(PrioProcess, gettid(), Nicest) == 0;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return false;
            }
        }

        if (OperatingSystem.IsWindows())
        {
            Thread.CurrentThread.Priority = ThreadPriority.Lowest;
            return true;
        }

        return false;
    }

    // DllImport rather than LibraryImport: the arguments are plain ints, and the generator would need unsafe code.
    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int setpriority(int which, int who, int prio);

    [DllImport("libc")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int gettid();
}
