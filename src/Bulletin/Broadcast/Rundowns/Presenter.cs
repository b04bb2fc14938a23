using Bulletin.Core.Timing;

namespace Bulletin.Broadcast.Rundowns;

/// <summary>A presenter of the roster and the rate they read at.</summary>
public sealed record Presenter(string Name, ReadTimeOptions ReadRate);
