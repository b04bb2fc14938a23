namespace Bulletin.Data.Staff;

/// <summary>
/// What an API client may do with a token: read only (a dashboard, a monitor) or also change things as its
/// account's roles allow. Tokens made before scopes existed may write, as they always could.
/// </summary>
public enum AccessTokenScope
{
    Write,
    Read,
}
