namespace Bulletin.Core.Tips;

/// <summary>A desk action the tip's status does not allow, with a message the desk can show as it is.</summary>
public sealed class TipWorkflowException(string message) : InvalidOperationException(message);
