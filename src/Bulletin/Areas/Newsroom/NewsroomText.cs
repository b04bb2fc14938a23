using Bulletin.Core.Text;

namespace Bulletin.Areas.Newsroom;

/// <summary>The newsroom's own words outside any one desk: the layout, signing in and the account pages.</summary>
public static class NewsroomText
{
    // Pages/SignIn.cshtml
    public static readonly Phrase SignIn = new("로그인", "Sign in");
    public static readonly Phrase SignInToTheNewsroom = new("뉴스룸 로그인", "Sign in to the newsroom");
    public static readonly Phrase Email = new("이메일", "E-mail");
    public static readonly Phrase Password = new("비밀번호", "Password");
    public static readonly Phrase AuthenticatorCode = new("인증 코드", "Authenticator code");

    // Pages/Denied.cshtml
    public static readonly Phrase NotAllowed = new("권한 없음", "Not allowed");
    public static readonly Phrase YouMayNotOpenThisPage = new("이 페이지를 열 권한이 없습니다", "You may not open this page");
    public static readonly Phrase BackToTheDesk = new("데스크로 돌아가기", "Back to the desk");

    // Pages/Shared/_NewsroomLayout.cshtml
    public static readonly Phrase Newsroom = new("뉴스룸", "Newsroom");
    public static readonly Phrase NewStory = new("새 기사", "New story");
    public static readonly Phrase Picks = new("추천 기사", "Picks");
    public static readonly Phrase BreakingBanner = new("속보 배너", "Breaking banner");
    public static readonly Phrase TipDesk = new("제보 데스크", "Tip desk");
    public static readonly Phrase Users = new("사용자", "Users");
    public static readonly Phrase Sections = new("섹션", "Sections");
    public static readonly Phrase AuditLog = new("감사 기록", "Audit log");
    public static readonly Phrase SignOut = new("로그아웃", "Sign out");

    // Pages/Account/TwoFactor.cshtml
    public static readonly Phrase TwoFactorSignIn = new("2단계 인증", "Two-factor sign-in");
    public static readonly Phrase TwoFactorSignInAuthenticatorApp = new(
        "2단계 인증 (인증 앱)",
        "Two-factor sign-in (authenticator app)");
    public static readonly Phrase On = new("켜져 있음", "On");
    public static readonly Phrase Off = new("꺼져 있음", "Off");
    public static readonly Phrase AddKeyToApp = new("인증 앱에 이 키를 추가하세요", "Add this key to your authenticator app");
    public static readonly Phrase CodeTheAppShows = new("앱에 표시된 6자리 코드", "The 6-digit code the app shows");
    public static readonly Phrase VerifyAndTurnOn = new("확인하고 켜기", "Verify and turn on");
    public static readonly Phrase SetUp = new("설정 시작", "Set up");
    public static readonly Phrase TurnOff = new("끄기", "Turn off");

    // Pages/Account/Password.cshtml and the forms that ask for the password again
    public static readonly Phrase ChangePassword = new("비밀번호 바꾸기", "Change password");
    public static readonly Phrase CurrentPassword = new("지금 비밀번호", "Current password");
    public static readonly Phrase NewPassword = new("새 비밀번호 (10자 이상)", "New password (at least 10 characters)");
    public static readonly Phrase OtherSessionsEnd = new(
        "비밀번호를 바꾸면 다른 브라우저와 기기의 로그인은 모두 끝납니다.",
        "Changing it signs you out of every other browser and device.");
    public static readonly Phrase CurrentPasswordWrong = new(
        "지금 비밀번호가 맞지 않습니다. 아무것도 바뀌지 않았습니다.",
        "The current password is wrong. Nothing was changed.");
    public static readonly Phrase PasswordNotChanged = new("비밀번호를 바꾸지 못했습니다", "The password was not changed");
    public static readonly Phrase Sessions = new("로그인한 곳", "Where you are signed in");
    public static readonly Phrase OpenSessions = new("이 계정으로 로그인한 브라우저와 기기: {0}곳 (여기 포함)", "Browsers and devices signed in to this account: {0} (this one included)");
    public static readonly Phrase SignOutElsewhere = new("다른 곳에서 모두 로그아웃", "Sign out everywhere else");
    public static readonly Phrase SignedOutElsewhere = new("다른 곳의 로그인을 모두 끝냈습니다.", "You are signed out everywhere else.");
    public static readonly Phrase PasswordChanged = new(
        "비밀번호를 바꿨습니다. 다른 곳의 로그인은 끝났습니다.",
        "Your password is changed. You are signed out everywhere else.");

    // Pages/Account/Tokens.cshtml, Pages/Admin/Tokens.cshtml and Pages/Shared/_TokenList.cshtml
    public static readonly Phrase ApiTokens = new("API 토큰", "API tokens");
    public static readonly Phrase TokenName = new("토큰 이름 (어디에 쓰는지)", "Token name (what it is for)");
    public static readonly Phrase MakeToken = new("토큰 만들기", "Make a token");
    public static readonly Phrase TokenShownOnce = new(
        "지금 한 번만 보여 줍니다. 복사해 두세요",
        "Shown this once only; copy it now");
    public static readonly Phrase TokenNameNeeded = new("토큰 이름을 200자 안으로 적으세요.", "Give the token a name of up to 200 characters.");
    public static readonly Phrase TokenMade = new("만든 때", "Made");
    public static readonly Phrase TokenState = new("상태", "State");
    public static readonly Phrase TokenLive = new("사용 중", "live");
    public static readonly Phrase TokenRevokedAt = new("{0}에 폐기됨", "revoked {0}");
    public static readonly Phrase RevokeToken = new("폐기", "Revoke");
    public static readonly Phrase TokensOf = new("{0}의 API 토큰", "API tokens of {0}");
    public static readonly Phrase TokenScope = new("권한", "May");
    public static readonly Phrase TokenReadsAndWrites = new("읽기와 쓰기 (계정의 역할만큼)", "read and write (as the account's roles allow)");
    public static readonly Phrase TokenReadsOnly = new("읽기만", "read only");
    public static readonly Phrase TokenLasts = new("사용 기간", "Lasts");
    public static readonly Phrase TokenUntilRevoked = new("폐기할 때까지", "until revoked");
    public static readonly Phrase TokenDays = new("{0}일", "{0} days");
    public static readonly Phrase TokenEndsAt = new("사용 중, {0}까지", "live until {0}");
    public static readonly Phrase TokenExpiredAt = new("{0}에 만료됨", "expired {0}");
    public static readonly Phrase TokenTermsWrong = new(
        "권한은 읽기와 쓰기 또는 읽기만, 사용 기간은 목록에서 고르세요.",
        "Choose what the token may do and how long it lasts from the lists.");

    // Pages/Account/TwoFactor.cshtml.cs
    public static readonly Phrase WrongCode = new(
        "코드가 맞지 않습니다. 앱에 표시된 최신 코드를 입력하세요.",
        "That code is not right. Enter the current code from the app.");
    public static readonly Phrase TwoFactorSignInIsOn = new("2단계 인증을 켰습니다.", "Two-factor sign-in is on.");
    public static readonly Phrase TwoFactorSignInIsOff = new("2단계 인증을 껐습니다.", "Two-factor sign-in is off.");

    // Pages/SignIn.cshtml.cs
    public static readonly Phrase TooManySignInAttempts = new(
        "이 계정으로 로그인 시도가 너무 많습니다. 1분 뒤에 다시 해 보세요.",
        "Too many sign-in attempts for this account. Try again in a minute.");
    // One answer for an unknown account, a wrong password, a disabled or a locked account: nobody learns which it was.
    public static readonly Phrase WrongEmailOrPassword = new(
        "이메일이나 비밀번호가 맞지 않거나, 로그인에 여러 번 실패해 계정이 잠시 잠겼습니다.",
        "The e-mail or password is wrong, or the account is locked for a while after too many failed sign-ins.");
    public static readonly Phrase CodeNeeded = new(
        "인증 앱의 6자리 코드를 입력하세요.",
        "Enter the 6-digit code from your authenticator app.");
}
