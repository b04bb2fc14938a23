namespace Bulletin.Core.Workflow;

/// <summary>An action the story's state does not allow; the message says why.</summary>
public sealed class StoryWorkflowException : Exception
{
    public StoryWorkflowException()
    {
    }

    public StoryWorkflowException(string message)
        : base(message)
    {
    }

    public StoryWorkflowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
