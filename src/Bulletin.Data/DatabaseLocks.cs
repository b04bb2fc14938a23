namespace Bulletin.Data;

/// <summary>
/// The PostgreSQL advisory locks Bulletin takes, in one place so no two uses share a key by accident. Each is the
/// two-number form (a class and an object): the class spells "Bult" so another application's locks on the same
/// database are unlikely to collide with ours.
/// </summary>
public static class DatabaseLocks
{
    public const int Class = 0x42756C74;

    /// <summary>Held from a transaction's first outbox row to its commit, so outbox ids are assigned in commit order.</summary>
    public const int OutboxOrder = 1;

    /// <summary>Held by the node (or the `db migrate` verb) that migrates and seeds the database.</summary>
    public const int Startup = 2;
}
