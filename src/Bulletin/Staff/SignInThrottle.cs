using System.Threading.RateLimiting;

namespace Bulletin.Staff;

/// <summary>
/// Limits sign-in attempts per account name, whoever makes them. Together with the per-client limit on the
/// sign-in route, someone guessing passwords from one address is slowed down, and someone spreading guesses
/// over many addresses still only gets a few tries an account a minute. Unlike a lockout, it never stops the
/// real owner for long, and guessing at one account never affects another.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAccount;

    public SignInThrottle(NewsroomOptions options)
    {
        _perAccount = PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetFixedWindowLimiter(
            account,
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.SignInAttemptsPerAccountPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
    }

    /// <summary>False when this account has had too many attempts this minute.</summary>
    public bool TryAttempt(string account)
    {
        using var lease = _perAccount.AttemptAcquire(account.Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => _perAccount.Dispose();
}
