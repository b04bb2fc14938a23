using System.Globalization;
using Bulletin.Core.Tips;

namespace Bulletin.Areas.Newsroom;

/// <summary>The tip desk's words for statuses and channels, in the newsroom's two languages.</summary>
public static class TipText
{
    public static string Status(NewsroomUi ui, TipStatus status) => status switch
    {
        TipStatus.New => ui.T("새 제보", "New"),
        TipStatus.Reviewing => ui.T("검토 중", "Reviewing"),
        TipStatus.Assigned => ui.T("배정됨", "Assigned"),
        TipStatus.Used => ui.T("보도에 사용", "Used"),
        TipStatus.Declined => ui.T("보류", "Declined"),
        TipStatus.Spam => ui.T("스팸", "Spam"),
        _ => status.ToString(),
    };

    public static string Channel(NewsroomUi ui, TipChannel channel) => channel switch
    {
        TipChannel.Web => ui.T("웹", "Web"),
        TipChannel.Email => ui.T("이메일", "E-mail"),
        TipChannel.Kakao => ui.T("카카오톡", "KakaoTalk"),
        TipChannel.Phone => ui.T("전화", "Phone"),
        _ => channel.ToString(),
    };

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

}
