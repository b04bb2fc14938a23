using Bulletin.Core.Text;

namespace Bulletin.Areas.Newsroom;

/// <summary>The admin pages' words: staff, sections and the audit log.</summary>
public static class AdminText
{
    // Pages/Admin/Users.cshtml
    public static readonly Phrase Users = new("사용자", "Users");
    public static readonly Phrase ManageStaff = new("사용자 관리", "Staff");
    public static readonly Phrase ShownOnce = new("한 번만 보여 줍니다", "Shown once");
    public static readonly Phrase AddAMemberOfStaff = new("새 사용자", "Add a member of staff");
    public static readonly Phrase Email = new("이메일", "E-mail");
    public static readonly Phrase Name = new("이름", "Name");
    public static readonly Phrase Roles = new("역할", "Roles");
    public static readonly Phrase Add = new("추가", "Add");
    public static readonly Phrase Staff = new("직원", "Staff");
    public static readonly Phrase State = new("상태", "State");
    public static readonly Phrase Tokens = new("토큰", "Tokens");
    public static readonly Phrase Disabled = new("사용 중지", "disabled");
    public static readonly Phrase Active = new("사용 중", "active");
    public static readonly Phrase Enable = new("다시 사용", "Enable");
    public static readonly Phrase Disable = new("사용 중지", "Disable");
    public static readonly Phrase ResetPassword = new("비밀번호 재설정", "Reset password");
    public static readonly Phrase RevokeTokens = new("토큰 모두 폐기", "Revoke tokens");
    public static readonly Phrase NotChanged = new("바꾸지 못했습니다", "Not changed");
    public static readonly Phrase LockedUntil = new("로그인 실패로 {0}까지 잠김", "locked after failed sign-ins until {0}");
    public static readonly Phrase FailedSignIns = new("로그인 실패 {0}번", "{0} failed sign-ins");
    public static readonly Phrase Unlock = new("잠금 풀기", "Lift the lockout");

    // Pages/Admin/Sections.cshtml
    public static readonly Phrase Sections = new("섹션", "Sections");
    public static readonly Phrase Names = new("이름", "Names");
    public static readonly Phrase Rename = new("이름 바꾸기", "Rename");
    public static readonly Phrase NewSection = new("새 섹션", "New section");

    // Pages/Admin/Sections.cshtml.cs and Users.cshtml.cs
    public static readonly Phrase NamesAndSlugNeeded = new("이름 둘과 쓰이지 않은 슬러그가 필요합니다.", "Both names and a new, unused slug are needed.");
    public static readonly Phrase EmailAndRoleNeeded = new("이메일과 역할을 하나 이상 고르세요.", "E-mail and at least one role are required.");
    public static readonly Phrase KoreanName = new("한국어 이름", "Korean name");
    public static readonly Phrase EnglishName = new("영어 이름", "English name");

    // Pages/Admin/Audit.cshtml
    public static readonly Phrase AuditLog = new("감사 기록", "Audit log");
    public static readonly Phrase Find = new("찾기", "Find");
    public static readonly Phrase When = new("시각", "When");
    public static readonly Phrase Who = new("누가", "Who");
    public static readonly Phrase What = new("무엇을", "What");
    public static readonly Phrase Subject = new("대상", "Subject");
    public static readonly Phrase Detail = new("내용", "Detail");
    public static readonly Phrase SearchedMonth = new("{0}까지 31일 동안의 기록에서 찾았습니다.", "Searched the 31 days up to {0}.");
    public static readonly Phrase OlderEntries = new("이전 기록", "Older entries");
}
