using System.Globalization;
using Bulletin.Core.Stories;

namespace Bulletin.Text;

/// <summary>
/// One piece of what a page says, in both languages. Every word a person reads on the site, the newsroom or the
/// tip channels is a <c>static readonly</c> phrase in a catalogue class beside its feature (<c>SiteText</c>,
/// <c>TipFormText</c>, <c>NewsroomText</c>...): the constructor needs both languages, so a missing translation
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

    /// <summary>The text in a language with its placeholders filled in (numbers and dates invariant).</summary>
    public string Format(Language language, params object?[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, this[language], arguments);
}
