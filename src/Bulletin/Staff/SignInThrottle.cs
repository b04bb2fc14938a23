using System.Threading.RateLimiting;
using Bulletin.Fleet;

namespace Bulletin.Staff;

/// <summary>
/// Limits sign-in attempts per account name, whoever makes them. Together with the per-client limit on the
/// sign-in route, someone guessing passwords from one address is slowed down, and someone spreading guesses
/// over many addresses still only gets a few tries an account a minute. Unlike a lockout, it never stops the
/// real owner for long, and guessing at one account never affects another. Counted across every node when Redis
/// is configured (<see cref="FixedWindowLimits"/>), so a fleet of N nodes does not allow N times the tries.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAccount;
    private readonly PartitionedRateLimiter<string> _perDevice;

    public SignInThrottle(NewsroomOptions options, FixedWindowLimits limits)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limits);
        _perAccount = limits.Create("signin-account", options.SignInAttemptsPerAccountPerMinute, TimeSpan.FromMinutes(1));
        // A browser the account has signed in from skips the account's lockout, so it gets a lockout's budget of its own.
        _perDevice = limits.Create("signin-device", options.FailedSignInsBeforeLockout, TimeSpan.FromMinutes(options.LockoutMinutes));
    }

    /// <summary>False when this account has had too many attempts this minute.</summary>
    public bool TryAttempt(string account)
    {
        using var lease = _perAccount.AttemptAcquire(account.Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    /// <summary>False when this known browser has used its tries for now.</summary>
    public bool TryAttemptFromDevice(string device)
    {
        using var lease = _perDevice.AttemptAcquire(device);
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        _perAccount.Dispose();
        _perDevice.Dispose();
    }
}
