namespace Bulletin.Core.Rundowns;

/// <summary>
/// A block of the show (A, B, ...) with the time the producer budgeted for it; its items run in order and take
/// their page numbers from its letter.
/// </summary>
public sealed class RundownBlock
{
    internal readonly List<RundownItem> ItemList = [];

    private RundownBlock()
    {
        // For EF Core.
        Letter = "";
        Name = "";
    }

    internal RundownBlock(Guid id, string letter, string name, TimeSpan budget)
    {
        Id = id;
        Letter = letter;
        Name = name;
        Budget = budget;
    }

    public Guid Id { get; private set; }
    public string Letter { get; private set; }
    public string Name { get; internal set; }
    public TimeSpan Budget { get; internal set; }
    public IReadOnlyList<RundownItem> Items => ItemList;
}
