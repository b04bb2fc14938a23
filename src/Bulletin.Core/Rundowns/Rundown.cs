using Bulletin.Core.Stories;
using Bulletin.Core.Text;
using Bulletin.Core.Timing;
using Bulletin.Core.Workflow;

namespace Bulletin.Core.Rundowns;

/// <summary>
/// A show on an air date: a planned start, a hard out it must not run past, blocks with budgets and items in
/// running order. Every change goes through the workflow table and answers with a <see cref="WorkflowResult"/>;
/// roles are the caller's business, the state is the rundown's. Times are kept in UTC.
/// </summary>
public sealed class Rundown
{
    private readonly List<RundownBlock> _blocks = [];

    private Rundown()
    {
        // For EF Core.
        Show = "";
        ReadRate = new ReadTimeOptions();
    }

    private Rundown(Guid id, string show, DateOnly airDate, Language language, DateTimeOffset start, DateTimeOffset hardOut,
        ReadTimeOptions readRate, string? presenter)
    {
        Presenter = presenter;
        Id = id;
        Show = show;
        AirDate = airDate;
        Language = language;
        Start = start.ToUniversalTime();
        HardOut = hardOut.ToUniversalTime();
        ReadRate = readRate;
        Status = RundownStatus.Planning;
        Version = 1;
    }

    /// <summary>The longest show name and slug, in UTF-16 units: a line on the floor, not a headline.</summary>
    public const int MaxLineLength = 200;

    /// <summary>The longest presenter's name.</summary>
    public const int MaxPresenterLength = 100;

    /// <summary>The most studio objects on one line: a story's clips and graphics, with room to spare.</summary>
    public const int MaxObjectsPerItem = 20;

    /// <summary>The read rates a presenter can have: the bounds the ReadTime configuration is held to.</summary>
    public const double MaxKoreanSyllablesPerMinute = 2000;

    public const double MaxEnglishWordsPerMinute = 1000;

    public Guid Id { get; private set; }
    public string Show { get; private set; }
    public DateOnly AirDate { get; private set; }
    public Language Language { get; private set; }
    public DateTimeOffset Start { get; private set; }
    public DateTimeOffset HardOut { get; private set; }

    /// <summary>The show's read rate, for items whose presenter has none of their own.</summary>
    public ReadTimeOptions ReadRate { get; private set; }

    /// <summary>The show's presenter, whose read rate <see cref="ReadRate"/> was taken from; null for a rate of the show's own.</summary>
    public string? Presenter { get; private set; }

    public RundownStatus Status { get; private set; }
    public IReadOnlyList<RundownBlock> Blocks => _blocks;

    /// <summary>Every item in running order, floated ones included.</summary>
    public IReadOnlyList<RundownItem> Items => Order();

    /// <summary>The item on air now; null before the first Take and after the show.</summary>
    public Guid? OnAirItemId { get; private set; }

    /// <summary>The item the next Take puts on air.</summary>
    public Guid? NextItemId { get; private set; }

    /// <summary>Rises by one with every change; a change based on an older version is refused by the caller.</summary>
    public int Version { get; private set; }

    public static Rundown Create(Guid id, string show, DateOnly airDate, Language language, DateTimeOffset start,
        DateTimeOffset hardOut, ReadTimeOptions? readRate = null, string? presenter = null)
    {
        ArgumentNullException.ThrowIfNull(show);
        if (CheckLine(show, RundownWorkflowText.ShowEmpty, RundownWorkflowText.ShowTooLong) is { } refused)
        {
            throw new ArgumentException(refused.English, nameof(show));
        }

        if (hardOut <= start)
        {
            throw new ArgumentException("The hard out must come after the start.", nameof(hardOut));
        }

        if (CheckRate(readRate, presenter) is { } badRate)
        {
            throw new ArgumentException(badRate.English, nameof(readRate));
        }

        return new Rundown(id, InputText.CleanLine(show), airDate, language, start, hardOut, readRate ?? new ReadTimeOptions(), CleanPresenter(presenter));
    }

    public RundownItem? Find(Guid itemId) => _blocks.SelectMany(b => b.ItemList).FirstOrDefault(i => i.Id == itemId);

    /// <summary>The timing of every item and the show, from each story's script; see <see cref="RundownTimer"/>.</summary>
    public RundownTiming Timing(IReadOnlyDictionary<Guid, StoryContent> scripts, DateTimeOffset? now = null) =>
        RundownTimer.Compute(this, scripts, now);

    // --- editing -------------------------------------------------------------------------------------------

    /// <summary>A block at the end of the show, with the time budgeted for it; a blank name is its letter.</summary>
    public WorkflowResult AddBlock(Actor actor, Guid id, string? name, TimeSpan budget) => Move(RundownAction.Edit, actor, () =>
    {
        var cleaned = InputText.CleanLine(name ?? "");
        if (cleaned.Length > MaxLineLength)
        {
            return WorkflowResult.Invalid(RundownWorkflowText.BlockNameTooLong.With(MaxLineLength));
        }

        if (budget < TimeSpan.Zero)
        {
            return WorkflowResult.Invalid(RundownWorkflowText.DurationNegative);
        }

        if (_blocks.Any(b => b.Id == id))
        {
            return WorkflowResult.Invalid(RundownWorkflowText.BlockIdTaken);
        }

        var letter = BlockLetter(_blocks.Count);
        _blocks.Add(new RundownBlock(id, letter, cleaned.Length == 0 ? letter : cleaned, budget));
        return WorkflowResult.Done;
    });

    /// <summary>Renames the show or moves its start and hard out; every front and back time follows.</summary>
    public WorkflowResult Replan(Actor actor, string show, DateTimeOffset start, DateTimeOffset hardOut) => Move(RundownAction.Edit, actor, () =>
    {
        if (CheckLine(show, RundownWorkflowText.ShowEmpty, RundownWorkflowText.ShowTooLong) is { } refused)
        {
            return WorkflowResult.Invalid(refused);
        }

        if (hardOut <= start)
        {
            return WorkflowResult.Invalid(RundownWorkflowText.HardOutBeforeStart);
        }

        Show = InputText.CleanLine(show);
        Start = start.ToUniversalTime();
        HardOut = hardOut.ToUniversalTime();
        return WorkflowResult.Done;
    });

    public WorkflowResult AddStory(Actor actor, Guid id, Guid storyId, string slug, Guid? blockId = null) =>
        AddItem(actor, id, RundownItemKind.Story, storyId, slug, null, blockId);

    /// <summary>A break, live or other line: only its planned duration times it.</summary>
    public WorkflowResult AddLine(Actor actor, Guid id, RundownItemKind kind, string slug, TimeSpan duration, Guid? blockId = null) =>
        kind == RundownItemKind.Story
            ? WorkflowResult.Invalid(RundownWorkflowText.StoryLineNeedsAStory)
            : AddItem(actor, id, kind, null, slug, duration, blockId);

    /// <summary>
    /// Moves an item to a place in the running order (0 is the top, counting floated items): it goes before the
    /// item now at that place and joins its block, or to the end of the last block.
    /// </summary>
    public WorkflowResult MoveItem(Actor actor, Guid itemId, int position) => Move(RundownAction.Edit, actor, () =>
    {
        if (Find(itemId) is not { } item)
        {
            return NoSuchItem(itemId);
        }

        if (item.TakenAt is not null)
        {
            return WorkflowResult.Invalid(RundownWorkflowText.OnAirItemKeepsItsPlace);
        }

        var order = Order();
        if (position < 0 || position >= order.Count)
        {
            return WorkflowResult.Invalid(RundownWorkflowText.PositionOutside.With(position, order.Count - 1));
        }

        var index = order.IndexOf(item);
        if (index == position)
        {
            return WorkflowResult.Done;
        }

        // Removing the item first shifts everything after it up by one.
        var without = order.Where(i => i.Id != itemId).ToList();
        BlockOf(item).ItemList.Remove(item);
        if (position >= without.Count)
        {
            _blocks[^1].ItemList.Add(item);
        }
        else
        {
            var before = without[position];
            var block = BlockOf(before);
            block.ItemList.Insert(block.ItemList.IndexOf(before), item);
        }

        return WorkflowResult.Done;
    });

    public WorkflowResult FloatItem(Actor actor, Guid itemId) => SetFloated(actor, itemId, true);

    public WorkflowResult UnfloatItem(Actor actor, Guid itemId) => SetFloated(actor, itemId, false);

    public WorkflowResult RemoveItem(Actor actor, Guid itemId) => Move(RundownAction.Edit, actor, () =>
    {
        if (Find(itemId) is not { } item)
        {
            return NoSuchItem(itemId);
        }

        if (item.TakenAt is not null)
        {
            return WorkflowResult.Invalid(RundownWorkflowText.OnAirItemStaysOnRecord);
        }

        BlockOf(item).ItemList.Remove(item);
        if (NextItemId == itemId)
        {
            NextItemId = FollowingPlayable(OnAirItemId)?.Id;
        }

        return WorkflowResult.Done;
    });

    /// <summary>The producer's duration for an item; null gives the story back its text and media time.</summary>
    public WorkflowResult SetDuration(Actor actor, Guid itemId, TimeSpan? duration) => EditItem(actor, itemId, item =>
    {
        if (duration is { } d && d < TimeSpan.Zero)
        {
            return WorkflowResult.Invalid(RundownWorkflowText.DurationNegative);
        }

        if (duration is null && item.Kind != RundownItemKind.Story)
        {
            return WorkflowResult.Invalid(RundownWorkflowText.LineTimedByDuration);
        }

        item.PlannedDuration = duration;
        return WorkflowResult.Done;
    });

    public WorkflowResult SetHardStart(Actor actor, Guid itemId, DateTimeOffset? hardStart) => EditItem(actor, itemId, item =>
    {
        item.HardStart = hardStart?.ToUniversalTime();
        return WorkflowResult.Done;
    });

    public WorkflowResult SetSlug(Actor actor, Guid itemId, string slug) => EditItem(actor, itemId, item =>
    {
        if (CheckLine(slug, RundownWorkflowText.SlugEmpty, RundownWorkflowText.SlugTooLong) is { } refused)
        {
            return WorkflowResult.Invalid(refused);
        }

        item.Slug = InputText.CleanLine(slug);
        return WorkflowResult.Done;
    });

    public WorkflowResult SetState(Actor actor, Guid itemId, RundownItemState state) => EditItem(actor, itemId, item =>
    {
        item.State = state;
        return WorkflowResult.Done;
    });

    /// <summary>
    /// The read rate for one item, of its own or its <paramref name="presenter"/>'s (whose rate it is); null reads it
    /// at the show's rate, by the show's presenter.
    /// </summary>
    public WorkflowResult SetReadRate(Actor actor, Guid itemId, ReadTimeOptions? readRate, string? presenter = null) => EditItem(actor, itemId, item =>
    {
        if (CheckRate(readRate, presenter) is { } refused)
        {
            return WorkflowResult.Invalid(refused);
        }

        item.ReadRate = readRate;
        item.Presenter = readRate is null ? null : CleanPresenter(presenter);
        return WorkflowResult.Done;
    });

    /// <summary>The show's read rate, of its own or its <paramref name="presenter"/>'s; every line without a rate of its own follows.</summary>
    public WorkflowResult SetShowReadRate(Actor actor, ReadTimeOptions readRate, string? presenter = null) => Move(RundownAction.Edit, actor, () =>
    {
        ArgumentNullException.ThrowIfNull(readRate);
        if (CheckRate(readRate, presenter) is { } refused)
        {
            return WorkflowResult.Invalid(refused);
        }

        ReadRate = readRate;
        Presenter = CleanPresenter(presenter);
        return WorkflowResult.Done;
    });

    /// <summary>
    /// Attaches a device's object to a line: it goes to the studio as a MOS item of the line's story, after the
    /// line's other objects. A line holds one object of an objID at most, which is how the producer names it.
    /// </summary>
    public WorkflowResult AttachObject(Actor actor, Guid itemId, Guid id, string deviceId, string objectId, string slug,
        TimeSpan? duration, long? editorialDuration) => EditItem(actor, itemId, item =>
    {
        if (string.IsNullOrWhiteSpace(deviceId) || deviceId.Length > AttachedObject.MaxIdLength
            || string.IsNullOrWhiteSpace(objectId) || objectId.Length > AttachedObject.MaxIdLength)
        {
            return WorkflowResult.Invalid(RundownWorkflowText.ObjectIdInvalid.With(AttachedObject.MaxIdLength));
        }

        if (item.ObjectList.Count >= MaxObjectsPerItem)
        {
            return WorkflowResult.Invalid(RundownWorkflowText.TooManyObjects.With(MaxObjectsPerItem));
        }

        if (item.ObjectList.Any(o => o.ObjectId == objectId))
        {
            return WorkflowResult.Invalid(RundownWorkflowText.ObjectAlreadyAttached.With(objectId));
        }

        if (duration is { } d && d < TimeSpan.Zero)
        {
            return WorkflowResult.Invalid(RundownWorkflowText.DurationNegative);
        }

        var cleaned = InputText.CleanLine(slug ?? "");
        item.ObjectList.Add(new AttachedObject(id, deviceId, objectId,
            cleaned.Length <= AttachedObject.MaxIdLength ? cleaned : cleaned[..AttachedObject.MaxIdLength], duration, editorialDuration));
        return WorkflowResult.Done;
    });

    /// <summary>Takes an object off a line; the studio's devices get the item's delete.</summary>
    public WorkflowResult DetachObject(Actor actor, Guid itemId, string objectId) => EditItem(actor, itemId, item =>
    {
        var index = item.ObjectList.FindIndex(o => o.ObjectId == objectId);
        if (index < 0)
        {
            return WorkflowResult.NotFound(RundownWorkflowText.NoSuchObject.With(objectId));
        }

        item.ObjectList.RemoveAt(index);
        return WorkflowResult.Done;
    });

    /// <summary>Numbers every item again in running order: A1, A2, ... then B1, ...</summary>
    public WorkflowResult Renumber(Actor actor) => Move(RundownAction.Edit, actor, () =>
    {
        foreach (var block in _blocks)
        {
            for (var i = 0; i < block.ItemList.Count; i++)
            {
                block.ItemList[i].Page = $"{block.Letter}{i + 1}";
            }
        }

        return WorkflowResult.Done;
    });

    // --- the workflow --------------------------------------------------------------------------------------

    public WorkflowResult Lock(Actor actor) => Move(RundownAction.Lock, actor, () => WorkflowResult.Done);

    public WorkflowResult Unlock(Actor actor) => Move(RundownAction.Unlock, actor, () => WorkflowResult.Done);

    /// <summary>Goes on air: nothing is taken yet, and the first item that is not floated is next.</summary>
    public WorkflowResult Activate(Actor actor) => Move(RundownAction.Activate, actor, () =>
    {
        NextItemId = FollowingPlayable(null)?.Id;
        return WorkflowResult.Done;
    });

    /// <summary>Chooses the item the next Take puts on air.</summary>
    public WorkflowResult Next(Actor actor, Guid itemId) => Move(RundownAction.Next, actor, () =>
    {
        if (Find(itemId) is not { } item)
        {
            return NoSuchItem(itemId);
        }

        if (item.Floated || item.TakenAt is not null)
        {
            return WorkflowResult.Invalid(RundownWorkflowText.CannotBeNext);
        }

        NextItemId = itemId;
        return WorkflowResult.Done;
    });

    /// <summary>
    /// The next item goes on air at <paramref name="now"/>; the one on air has aired, and its real running time
    /// (to the whole second) replaces its estimate.
    /// </summary>
    public WorkflowResult Take(Actor actor, DateTimeOffset now) => Move(RundownAction.Take, actor, () =>
    {
        if (NextItemId is not { } nextId || Find(nextId) is not { } next)
        {
            return WorkflowResult.Invalid(RundownWorkflowText.NothingIsNext);
        }

        now = Seconds(now.ToUniversalTime());
        EndOnAir(now);
        next.TakenAt = now;
        OnAirItemId = next.Id;
        NextItemId = FollowingPlayable(next.Id)?.Id;
        return WorkflowResult.Done;
    });

    /// <summary>The show is over: the item on air has aired.</summary>
    public WorkflowResult Finish(Actor actor, DateTimeOffset now) => Move(RundownAction.Finish, actor, () =>
    {
        EndOnAir(Seconds(now.ToUniversalTime()));
        OnAirItemId = null;
        NextItemId = null;
        return WorkflowResult.Done;
    });

    internal static DateTimeOffset Seconds(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private void EndOnAir(DateTimeOffset now)
    {
        if (OnAirItemId is { } onAirId && Find(onAirId) is { TakenAt: { } takenAt } onAir)
        {
            onAir.AiredDuration = now > takenAt ? now - takenAt : TimeSpan.Zero;
        }
    }

    private WorkflowResult AddItem(Actor actor, Guid id, RundownItemKind kind, Guid? storyId, string slug, TimeSpan? duration, Guid? blockId) =>
        Move(RundownAction.Edit, actor, () =>
        {
            if (CheckLine(slug, RundownWorkflowText.SlugEmpty, RundownWorkflowText.SlugTooLong) is { } refused)
            {
                return WorkflowResult.Invalid(refused);
            }

            if (duration is { } d && d < TimeSpan.Zero)
            {
                return WorkflowResult.Invalid(RundownWorkflowText.DurationNegative);
            }

            if (Find(id) is not null)
            {
                return WorkflowResult.Invalid(RundownWorkflowText.ItemIdTaken);
            }

            if (_blocks.Count == 0)
            {
                _blocks.Add(new RundownBlock(Guid.CreateVersion7(), BlockLetter(0), BlockLetter(0), HardOut - Start));
            }

            var block = blockId is { } b ? _blocks.FirstOrDefault(x => x.Id == b) : _blocks[^1];
            if (block is null)
            {
                return WorkflowResult.Invalid(RundownWorkflowText.NoSuchBlock);
            }

            block.ItemList.Add(new RundownItem(id, kind, storyId, InputText.CleanLine(slug), NextPage(block), duration));
            if (Status == RundownStatus.OnAir && NextItemId is null)
            {
                NextItemId = FollowingPlayable(OnAirItemId)?.Id;
            }

            return WorkflowResult.Done;
        });

    private WorkflowResult SetFloated(Actor actor, Guid itemId, bool floated) => EditItem(actor, itemId, item =>
    {
        if (item.TakenAt is not null)
        {
            return WorkflowResult.Invalid(RundownWorkflowText.OnAirItemCannotFloat);
        }

        item.Floated = floated;
        if (floated && NextItemId == itemId)
        {
            NextItemId = FollowingPlayable(itemId)?.Id;
        }
        else if (!floated && Status == RundownStatus.OnAir && NextItemId is null)
        {
            NextItemId = FollowingPlayable(OnAirItemId)?.Id;
        }

        return WorkflowResult.Done;
    });

    private WorkflowResult EditItem(Actor actor, Guid itemId, Func<RundownItem, WorkflowResult> change) =>
        Move(RundownAction.Edit, actor, () => Find(itemId) is { } item ? change(item) : NoSuchItem(itemId));

    /// <summary>
    /// The one way the rundown changes: the table must allow the action to the actor from the current state, the
    /// change itself may still refuse, and only a change that went through moves the state and the version.
    /// </summary>
    private WorkflowResult Move(RundownAction action, Actor actor, Func<WorkflowResult> change)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var allowed = RundownWorkflow.Table.Check(actor.Roles, Status, action);
        if (!allowed.Succeeded)
        {
            return allowed;
        }

        var to = RundownWorkflow.Table.Find(Status, action)!.To;
        var result = change();
        if (result.Outcome == WorkflowOutcome.Done)
        {
            Status = to;
            Version++;
        }

        return result;
    }

    /// <summary>The first item after the given one (or from the top) that can go on air.</summary>
    private RundownItem? FollowingPlayable(Guid? afterId)
    {
        var order = Order();
        var start = afterId is { } a ? order.FindIndex(i => i.Id == a) + 1 : 0;
        return order.Skip(start).FirstOrDefault(i => !i.Floated && i.TakenAt is null);
    }

    private List<RundownItem> Order() => [.. _blocks.SelectMany(b => b.ItemList)];

    private RundownBlock BlockOf(RundownItem item) => _blocks.First(b => b.ItemList.Contains(item));

    private static string NextPage(RundownBlock block)
    {
        var highest = 0;
        foreach (var item in block.ItemList)
        {
            if (item.Page.StartsWith(block.Letter, StringComparison.Ordinal)
                && int.TryParse(item.Page.AsSpan(block.Letter.Length), out var n) && n > highest)
            {
                highest = n;
            }
        }

        return $"{block.Letter}{highest + 1}";
    }

    /// <summary>Why a read rate or a presenter's name is refused; null when they will do.</summary>
    public static Phrase? CheckRate(ReadTimeOptions? rate, string? presenter)
    {
        if (rate is not null && (rate.KoreanSyllablesPerMinute is <= 0 or > MaxKoreanSyllablesPerMinute
                                 || rate.EnglishWordsPerMinute is <= 0 or > MaxEnglishWordsPerMinute
                                 || double.IsNaN(rate.KoreanSyllablesPerMinute) || double.IsNaN(rate.EnglishWordsPerMinute)))
        {
            return RundownWorkflowText.ReadRateOutside.With(MaxKoreanSyllablesPerMinute, MaxEnglishWordsPerMinute);
        }

        return CleanPresenter(presenter) is { Length: > MaxPresenterLength }
            ? RundownWorkflowText.PresenterTooLong.With(MaxPresenterLength)
            : null;
    }

    private static string? CleanPresenter(string? presenter) =>
        InputText.CleanLine(presenter ?? "") is { Length: > 0 } name ? name : null;

    /// <summary>Why a show name or slug is refused (nothing left once cleaned, or too long); null when it will do.</summary>
    public static Phrase? CheckLine(string? text, Phrase empty, Phrase tooLong)
    {
        var line = InputText.CleanLine(text ?? "");
        return line.Length == 0 ? empty : line.Length > MaxLineLength ? tooLong.With(MaxLineLength) : null;
    }

    private static WorkflowResult NoSuchItem(Guid itemId) => WorkflowResult.NotFound(RundownWorkflowText.NoSuchItem.With(itemId));

    /// <summary>A, B, ... Z, then AA, AB, ... for very long shows.</summary>
    private static string BlockLetter(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : BlockLetter(index / 26 - 1) + (char)('A' + index % 26);
}
