using Bulletin.Core.Text;

namespace Bulletin.Hosting;

/// <summary>What Bulletin says for itself when it cannot serve a request for now, to readers and staff alike.</summary>
public static class HostingText
{
    public static readonly Phrase UnavailableTitle = new("잠시 이용할 수 없습니다", "Briefly unavailable");

    public static readonly Phrase Busy = new(
        "데이터베이스가 다른 작업으로 바빠 지금은 이 요청을 처리할 수 없습니다.",
        "The database is busy with other work and cannot take this request just now.");
    public static readonly Phrase Full = new(
        "서버의 저장 공간이 가득 찼거나 쓸 수 없어 지금은 이 요청을 처리할 수 없습니다.",
        "The server's storage is full or cannot be written, so it cannot take this request just now.");
    public static readonly Phrase Unreachable = new(
        "데이터베이스 서버에 연결할 수 없어 지금은 이 요청을 처리할 수 없습니다.",
        "The database server cannot be reached just now.");

    /// <summary>{0} the seconds to wait.</summary>
    public static readonly Phrase NothingSavedTryAgain = new(
        "이 요청으로 저장된 것은 없습니다. {0}초 뒤에 다시 시도해 주십시오. 이전에 저장된 내용은 그대로 있습니다.",
        "Nothing from this request was saved. Try again in {0} seconds; everything saved before is safe.");

    public static Phrase Why(Data.DatabaseFault fault) => fault switch
    {
        Data.DatabaseFault.Busy => Busy,
        Data.DatabaseFault.Full => Full,
        _ => Unreachable,
    };
}
