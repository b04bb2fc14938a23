using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bulletin.Fleet;
using Bulletin.Tips.Privacy;
using StackExchange.Redis;

namespace Bulletin.Tips.Channels.Kakao;

/// <summary>
/// Kakao drafts in Redis, so a sender's turns may reach any node. A draft is what a source has said and sent before
/// deciding to send it, so it is sealed with the tip key (as tips are in the database) before it leaves the process,
/// and expires with its 30 minutes. A sender's turn is a lock in Redis with a deadline past Kakao's 5 s, so a node
/// that dies mid-turn does not keep the sender waiting long; the number of drafts is kept in a sorted set of senders.
/// </summary>
public sealed class RedisKakaoDrafts(FleetRedis redis, TipSealer sealer, TimeProvider clock) : IKakaoDrafts
{
    private static readonly TimeSpan TurnDeadline = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan TurnWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan TurnPoll = TimeSpan.FromMilliseconds(25);

    private const string EndTurn = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    private readonly IDatabase _database = redis.Database ?? throw new InvalidOperationException("Redis is not configured.");

    public async Task<KakaoTurn?> BeginTurnAsync(string sender, CancellationToken cancellationToken)
    {
        var senders = redis.Key("kakao:senders");
        var now = clock.GetUtcNow();
        await _database.SortedSetRemoveRangeByScoreAsync(senders, double.NegativeInfinity,
            (now - IKakaoDrafts.Lifetime).ToUnixTimeMilliseconds(), Exclude.Stop);
        if (await _database.SortedSetScoreAsync(senders, sender) is null
            && await _database.SortedSetLengthAsync(senders) >= IKakaoDrafts.MaxDrafts)
        {
            return null;
        }

        var turn = redis.Key("kakao:turn:" + sender);
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var waited = clock.GetTimestamp();
        while (!await _database.StringSetAsync(turn, token, TurnDeadline, When.NotExists))
        {
            if (clock.GetElapsedTime(waited) > TurnWait)
            {
                throw new TimeoutException("The sender's previous turn did not end.");
            }

            await Task.Delay(TurnPoll, clock, cancellationToken);
        }

        try
        {
            var key = redis.Key("kakao:draft:" + sender);
            var stored = (byte[]?)await _database.StringGetAsync(key);
            var draft = stored is null ? new KakaoDraft() : Open(sender, stored);
            await _database.SortedSetAddAsync(senders, sender, clock.GetUtcNow().ToUnixTimeMilliseconds());
            return new KakaoTurn(draft,
                save: async d => await _database.StringSetAsync(key, Seal(sender, d), IKakaoDrafts.Lifetime),
                forget: async () =>
                {
                    await _database.KeyDeleteAsync(key);
                    await _database.SortedSetRemoveAsync(senders, sender);
                },
                end: async () => await _database.ScriptEvaluateAsync(EndTurn, [turn], [token]));
        }
        catch
        {
            await _database.ScriptEvaluateAsync(EndTurn, [turn], [token]);
            throw;
        }
    }

    private byte[] Seal(string sender, KakaoDraft draft) =>
        sealer.Seal(SealId(sender), JsonSerializer.Serialize(new Stored(draft.Lines, draft.Pictures)));

    private KakaoDraft Open(string sender, byte[] sealedBytes)
    {
        var stored = JsonSerializer.Deserialize<Stored>(sealer.Open(SealId(sender), sealedBytes));
        return new KakaoDraft { Lines = stored?.Lines ?? [], Pictures = stored?.Pictures ?? [] };
    }

    /// <summary>Binds the sealed draft to its sender: one sender's draft copied under another's key does not open.</summary>
    private static Guid SealId(string sender) => new(SHA256.HashData(Encoding.UTF8.GetBytes("kakao draft\n" + sender))[..16]);

    private sealed record Stored(List<string> Lines, List<byte[]> Pictures);
}
