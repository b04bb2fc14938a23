using System.Text.Json;
using Bulletin.Core.Stories;
using Bulletin.Testing;

namespace Bulletin.Search.Tests;

public sealed class KoreanSearchTests : IDisposable
{
    private readonly TemporaryIndex _index = new();

    [Fact]
    public void Search_TwoSyllableNoun_FindsItFollowedByAnyParticle()
    {
        var subject = _index.Add("북한이 동해상으로 탄도미사일 발사", "합동참모본부는 오늘 오전 발표했습니다.", Language.Korean);
        var topic = _index.Add("유엔 안보리 회의 소집", "북한은 이번 회의에 반발했습니다.", Language.Korean);
        var aid = _index.Add("정부, 인도적 지원 검토", "통일부는 북한에 식량을 보내는 방안을 검토하고 있습니다.", Language.Korean);
        var russia = _index.Add("러시아가 가스 공급 중단", "유럽 각국이 대책을 논의했습니다.", Language.Korean);

        Assert.Equal(new[] { subject.Id, topic.Id, aid.Id }.Order(), _index.Find("북한").Order());
        Assert.Equal([russia.Id], _index.Find("러시아"));
    }

    [Fact]
    public void Search_NounWithParticle_FindsStoriesThatUseAnotherParticle()
    {
        var story = _index.Add("유엔 안보리 회의 소집", "북한은 이번 회의에 반발했습니다.", Language.Korean);
        _index.Add("날씨", "내일은 전국이 맑겠습니다.", Language.Korean);

        Assert.Equal([story.Id], _index.Find("북한이"));
        Assert.Equal([story.Id], _index.Find("안보리가"));
    }

    [Fact]
    public void Search_ThreeSyllableWord_DoesNotMatchStoriesThatOnlyShareItsPieces()
    {
        var russia = _index.Add("러시아 경제 전망", "러시아 경제가 흔들리고 있습니다.", Language.Korean);
        _index.Add("골드러시 시대의 아시아", "골드러시 이후 아시아 이민이 늘었습니다.", Language.Korean);

        Assert.Equal([russia.Id], _index.Find("러시아"));
    }

    [Fact]
    public void Search_OneSyllable_FindsNothingAndDoesNotFail()
    {
        _index.Add("북한이 동해상으로 탄도미사일 발사", "합동참모본부는 오늘 오전 발표했습니다.", Language.Korean);

        var results = _index.Index.Search(new SearchQuery { Text = "북" });

        Assert.Equal(0, results.Total);
        Assert.Empty(results.Hits);
    }

    [Fact]
    public void Search_SeveralWords_FindsOnlyStoriesWithEveryWord()
    {
        var both = _index.Add("북한 미사일 발사", "합참이 발표했습니다.", Language.Korean);
        _index.Add("북한 식량 사정", "쌀값이 올랐습니다.", Language.Korean);
        _index.Add("미사일 방어 예산", "국방부가 요청했습니다.", Language.Korean);

        Assert.Equal([both.Id], _index.Find("북한 미사일"));
    }

    [Fact]
    public void Search_TwoSyllablesOfARealNewsSentence_FindsThatSentence()
    {
        var path = Samples.Require("news-text/korean-klue/klue_news_sentences_dev.jsonl");
        var sentences = File.ReadLines(path)
            .Take(300)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!)
            .ToList();
        var stories = sentences
            .Select((sentence, i) => _index.Add($"기사 {i}", sentence, Language.Korean))
            .ToList();

        var checkedSentences = 0;
        for (var i = 0; i < stories.Count; i += 15)
        {
            var word = sentences[i].Split(' ')
                .Select(token => new string([.. token.TakeWhile(c => c is >= '\uAC00' and <= '\uD7A3')]))
                .FirstOrDefault(hangul => hangul.Length >= 2);
            if (word is null)
            {
                continue;
            }

            var twoSyllables = word[..2];
            var found = _index.Find(new SearchQuery { Text = twoSyllables, PageSize = 100 }).ToList();
            found.AddRange(_index.Find(new SearchQuery { Text = twoSyllables, PageSize = 100, Page = 2 }));
            found.AddRange(_index.Find(new SearchQuery { Text = twoSyllables, PageSize = 100, Page = 3 }));
            Assert.True(found.Contains(stories[i].Id), $"'{twoSyllables}' did not find: {sentences[i]}");
            checkedSentences++;
        }

        Assert.True(checkedSentences >= 10, $"only {checkedSentences} sentences had a Hangul word to search for");
    }

    public void Dispose() => _index.Dispose();
}
