using Bulletin.Core.Rundowns;
using Bulletin.Core.Timing;
using Microsoft.Extensions.Options;

namespace Bulletin.Broadcast.Rundowns;

/// <summary>
/// The presenters producers choose from for a show or a line, each with their read rate. Choosing one copies the
/// presenter's rate into the rundown with their name: a show keeps the rate it was timed at, so a corrected roster
/// never moves the times of shows already planned behind the producer's back; choosing the presenter again takes
/// the new rate.
/// </summary>
public sealed class PresenterRoster
{
    public PresenterRoster(IConfiguration configuration, ReadTimeOptions usual)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Usual = usual;
        var listed = configuration.GetSection(PresenterOptions.SectionName).Get<List<PresenterOptions>>() ?? [];
        var all = new List<Presenter>();
        foreach (var p in listed)
        {
            var name = p.Name.Trim();
            var rate = new ReadTimeOptions
            {
                KoreanSyllablesPerMinute = p.KoreanSyllablesPerMinute ?? Usual.KoreanSyllablesPerMinute,
                EnglishWordsPerMinute = p.EnglishWordsPerMinute ?? Usual.EnglishWordsPerMinute,
            };
            if (name.Length is 0 or > Rundown.MaxPresenterLength
                || rate.KoreanSyllablesPerMinute is <= 0 or > Rundown.MaxKoreanSyllablesPerMinute
                || rate.EnglishWordsPerMinute is <= 0 or > Rundown.MaxEnglishWordsPerMinute)
            {
                throw new OptionsValidationException(PresenterOptions.SectionName, typeof(PresenterOptions),
                    [$"Each of {PresenterOptions.SectionName} needs a Name of 1 to {Rundown.MaxPresenterLength} characters and read rates of " +
                     $"1 to {Rundown.MaxKoreanSyllablesPerMinute} Korean syllables and 1 to {Rundown.MaxEnglishWordsPerMinute} English words a minute."]);
            }

            if (all.Any(a => string.Equals(a.Name, name, StringComparison.Ordinal)))
            {
                throw new OptionsValidationException(PresenterOptions.SectionName, typeof(PresenterOptions), [$"The presenter '{name}' is listed twice."]);
            }

            all.Add(new Presenter(name, rate));
        }

        All = all;
    }

    /// <summary>The newsroom's usual read rate (ReadTime), a new show's until a presenter is chosen.</summary>
    public ReadTimeOptions Usual { get; }

    /// <summary>Every presenter with their rate, in the configuration's order.</summary>
    public IReadOnlyList<Presenter> All { get; }

    public Presenter? Find(string? name) => All.FirstOrDefault(p => string.Equals(p.Name, name?.Trim(), StringComparison.Ordinal));
}
