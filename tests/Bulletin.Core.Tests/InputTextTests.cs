using Bulletin.Core.Text;

namespace Bulletin.Core.Tests;

public sealed class InputTextTests
{
    [Theory]
    [InlineData("북한\u0001 파병", "북한 파병")]
    [InlineData("a\u0000b\u0008c\u001bd\u007fe\u0085f\u009fg", "abcdefg")]
    [InlineData("not \ufffe\uffff\ufdd0 chars", "not  chars")]
    [InlineData("line\r\nnext\rlast", "line\nnext\nlast")]
    public void Clean_DropsWhatNoReaderCanSee(string sent, string kept) => Assert.Equal(kept, InputText.Clean(sent));

    [Theory]
    [InlineData("러시아 \"북한군 파병\" 공식 부인")]
    [InlineData("emoji 👍🏽 and 👨‍👩‍👧 stay")]
    [InlineData("\u200f\u202eright-to-left and zero\u200dwidth")]
    [InlineData("tab\tand\nnewline")]
    public void Clean_KeepsEveryReadableCharacter(string text) => Assert.Same(text, InputText.Clean(text));

    [Fact]
    public void Clean_DropsLoneSurrogatesAndKeepsPairs()
    {
        // Built in code: test-case attributes cannot carry a lone surrogate intact.
        var high = "lone " + '\ud800' + " high " + char.ConvertFromUtf32(0x1F600);
        var low = '\udc00' + "low" + '\ud83d';
        Assert.Equal("lone  high " + char.ConvertFromUtf32(0x1F600), InputText.Clean(high));
        Assert.Equal("low", InputText.Clean(low));
    }

    [Fact]
    public void CleanLine_TurnsBreaksIntoSpacesAndTrims() =>
        Assert.Equal("첫 줄 둘째 줄  셋째", InputText.CleanLine("  첫 줄\r\n둘째 줄\t\u0001 셋째\n"));
}
