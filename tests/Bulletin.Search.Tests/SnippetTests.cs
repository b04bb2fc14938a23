namespace Bulletin.Search.Tests;

public sealed class SnippetTests : IDisposable
{
    private readonly TemporaryIndex _index = new();

    [Fact]
    public void Search_BodyWithMarkup_EncodesItAndMarksOnlyTheMatch()
    {
        _index.Add("Hackers target newsroom", "The attackers hid <script>alert('pwned')</script> in a comment & waited.");

        var snippet = Assert.Single(_index.Index.Search(new SearchQuery { Text = "comment" }).Hits).Snippet;

        Assert.Contains("<mark>comment</mark>", snippet, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;", snippet, StringComparison.Ordinal);
        Assert.Contains("&amp; waited", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", snippet, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Search_Korean_MarksTheWordAndKeepsHangulReadable()
    {
        _index.Add("안보리 회의", "유엔 안보리는 북한이 쏜 미사일을 논의했습니다.", Bulletin.Core.Stories.Language.Korean);

        var snippet = Assert.Single(_index.Index.Search(new SearchQuery { Text = "미사일" }).Hits).Snippet;

        Assert.Equal("유엔 안보리는 북한이 쏜 <mark>미사일</mark>을 논의했습니다.", snippet);
    }

    [Fact]
    public void Search_StemmedMatch_MarksTheWordAsWritten()
    {
        _index.Add("Army moves", "Units were deployed overnight.");

        var snippet = Assert.Single(_index.Index.Search(new SearchQuery { Text = "deploy" }).Hits).Snippet;

        Assert.Equal("Units were <mark>deployed</mark> overnight.", snippet);
    }

    [Fact]
    public void Search_MatchOnlyInHeadline_ShowsTheOpeningOfTheBodyEncoded()
    {
        var body = "Officials said <b>nothing</b> more. " + string.Concat(Enumerable.Repeat("More detail follows here. ", 20));
        _index.Add("Volcano erupts", body);

        var snippet = Assert.Single(_index.Index.Search(new SearchQuery { Text = "volcano" }).Hits).Snippet;

        Assert.StartsWith("Officials said &lt;b&gt;nothing&lt;/b&gt; more.", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.True(snippet.Length < 200);
    }

    public void Dispose() => _index.Dispose();
}
