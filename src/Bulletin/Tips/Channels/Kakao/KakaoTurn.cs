namespace Bulletin.Tips.Channels.Kakao;

/// <summary>One sender's turn with their draft: kept (<see cref="SaveAsync"/>) or dropped (<see cref="ForgetAsync"/>), then ended.</summary>
public sealed class KakaoTurn(KakaoDraft draft, Func<KakaoDraft, Task> save, Func<Task> forget, Func<ValueTask> end) : IAsyncDisposable
{
    public KakaoDraft Draft { get; } = draft;

    public Task SaveAsync() => save(Draft);

    public Task ForgetAsync() => forget();

    public ValueTask DisposeAsync() => end();
}
