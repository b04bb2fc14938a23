namespace Bulletin.Hosting;

/// <summary>
/// The database lacks migrations this version needs and Database:MigrateOnStart is off: the node stops before
/// serving, saying what to run, instead of working on a schema it does not know.
/// </summary>
public sealed class DatabaseBehindException(IReadOnlyList<string> pending)
    : Exception($"the database lacks {pending.Count} migration(s) this version needs (the first: {pending[0]}). " +
        "Run `bulletin db migrate` once (the deploy step), then start the nodes; or set Database:MigrateOnStart=true " +
        "to let a starting node migrate it.")
{
    public IReadOnlyList<string> Pending { get; } = pending;
}
