using Bulletin.Core.Curation;
using Bulletin.Core.Stories;

namespace Bulletin.Core.Tests;

public sealed class BreakingNewsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/story/2024/10/16/russia-north-korea")]
    [InlineData("/en/section/world")]
    [InlineData("https://www.example.com/live")]
    [InlineData("http://example.com/")]
    public void IsSafeLink_SitePathsAndWebAddresses_AreAllowed(string? link) => Assert.True(BreakingNews.IsSafeLink(link));

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    [InlineData("https:evil")]
    [InlineData("ftp://example.com/")]
    public void IsSafeLink_OtherSchemesAndHosts_AreRefused(string link) => Assert.False(BreakingNews.IsSafeLink(link));

    [Fact]
    public void Create_WithAScriptLink_IsRefused()
    {
        var now = new DateTimeOffset(2024, 10, 16, 9, 8, 0, TimeSpan.FromHours(9));
        Assert.Throws<ArgumentException>(() =>
            new BreakingNews(Guid.NewGuid(), Language.Korean, "속보", "javascript:alert(1)", now, null));
    }
}
