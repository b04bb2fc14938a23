using System.Globalization;
using Bulletin.Core.Tips;

namespace Bulletin.Areas.Newsroom;

/// <summary>The tip desk's words for statuses and channels, in the newsroom's two languages.</summary>
public static class TipText
{
    public static string Status(NewsroomUi ui, TipStatus status) => status switch
    {
        TipStatus.New => ui.T(TipDeskText.StatusNewTip),
        TipStatus.Reviewing => ui.T(TipDeskText.StatusReviewing),
        TipStatus.Assigned => ui.T(TipDeskText.StatusAssigned),
        TipStatus.Used => ui.T(TipDeskText.StatusUsed),
        TipStatus.Declined => ui.T(TipDeskText.StatusDeclined),
        TipStatus.Spam => ui.T(TipDeskText.Spam),
        _ => status.ToString(),
    };

    public static string Channel(NewsroomUi ui, TipChannel channel) => channel switch
    {
        TipChannel.Web => ui.T(TipDeskText.ChannelWeb),
        TipChannel.Email => ui.T(TipDeskText.ChannelEmail),
        TipChannel.Kakao => ui.T(TipDeskText.ChannelKakao),
        TipChannel.Phone => ui.T(TipDeskText.ChannelPhone),
        _ => channel.ToString(),
    };

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

}
