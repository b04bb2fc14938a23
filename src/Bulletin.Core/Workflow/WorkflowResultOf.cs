namespace Bulletin.Core.Workflow;

/// <summary>A workflow action that makes something (a story, a tip): the result, and what was made when it succeeded.</summary>
public sealed record WorkflowResult<T>(WorkflowResult Result, T? Value)
    where T : class
{
    public bool Succeeded => Result.Succeeded && Value is not null;
}
