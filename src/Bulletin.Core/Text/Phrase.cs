using System.Globalization;
using Bulletin.Core.Stories;

namespace Bulletin.Core.Text;

/// <summary>
/// One piece of what a page says, in both languages. Every word a person reads on the site, the newsroom or the
/// tip channels is a <c>static readonly</c> phrase in a catalogue class beside its feature (<c>SiteText</c>,
/// <c>TipFormText</c>, <c>NewsroomText</c>, and in Core the workflows' reasons for a refusal...): the constructor needs both languages, so a missing translation
/// does not compile, and PhraseTests finds every catalogue entry and refuses one that is empty, a Korean text
/// without Hangul, or two texts whose <c>{0}</c> placeholders differ. Choosing a language is a field read and a
/// branch, with nothing to look up or allocate, which is why this beat resource files on the public pages' hot
/// path.
/// </summary>
/// <param name="Korean">The text in Korean; placeholders as in <see cref="string.Format(IFormatProvider, string, object[])"/>.</param>
/// <param name="English">The text in English, with the same placeholders.</param>
public sealed record Phrase(string Korean, string English)
{
    public string this[Language language] => language == Language.Korean ? Korean : English;

    /// <summary>The text in a language with its placeholders filled in (numbers and dates invariant, phrases in that language).</summary>
    public string Format(Language language, params object?[] arguments) => Fill(language, arguments);

    /// <summary>
    /// This phrase with its placeholders filled in, in both languages: for a message made in one place and shown in
    /// another (a workflow's refusal is read on a Korean page and in an English API answer). An argument that is
    /// itself a phrase goes in in each language.
    /// </summary>
    public Phrase With(params object?[] arguments) => new(Fill(Language.Korean, arguments), Fill(Language.English, arguments));

    private string Fill(Language language, object?[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, this[language],
            [.. arguments.Select(a => a is Phrase phrase ? phrase[language] : a)]);
}
