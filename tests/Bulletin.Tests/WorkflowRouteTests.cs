using System.Net;
using System.Text;
using Bulletin.Core.Stories;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;
using static Bulletin.Tests.NewsroomApi;

namespace Bulletin.Tests;

/// <summary>
/// Every staff route, for every role and for anonymous callers, on a story in every state, against what the
/// workflow table says. The expected answers are computed from the table, so the table and the API cannot drift.
/// </summary>
public sealed class WorkflowRouteTests
{
    /// <summary>How to bring a new draft to each state, with an editor's token.</summary>
    private static readonly Dictionary<StoryStatus, string[]> PathTo = new()
    {
        [StoryStatus.Draft] = [],
        [StoryStatus.Submitted] = ["submit"],
        [StoryStatus.Approved] = ["submit", "approve"],
        [StoryStatus.Scheduled] = ["submit", "approve", "schedule"],
        [StoryStatus.Published] = ["submit", "approve", "publish"],
        [StoryStatus.Unpublished] = ["submit", "approve", "publish", "unpublish"],
        [StoryStatus.Killed] = ["kill"],
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryRoute_ForEveryRoleAndState_AnswersAsTheWorkflowTableSays(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        var setup = (await StaffAccount.CreateAsync(server, "setup@test.example", StaffRoles.Editor)).Api(server);
        var callers = new Dictionary<string, HttpClient> { ["anonymous"] = new() { BaseAddress = server.Address } };
        foreach (var role in StaffRoles.All)
        {
            callers[role] = (await StaffAccount.CreateAsync(server, $"{role}@test.example", role)).Api(server);
        }

        var mismatches = new StringBuilder();
        var checkedCount = 0;
        void Check(string caller, string what, HttpStatusCode expected, HttpStatusCode actual)
        {
            checkedCount++;
            if (expected != actual)
            {
                mismatches.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{caller,-10} {what,-40} expected {(int)expected}, got {(int)actual}");
            }
        }

        foreach (var (caller, client) in callers)
        {
            var roles = caller == "anonymous" ? Array.Empty<string>() : [caller];
            var create = await client.PostAsync("/api/newsroom/stories",
                new StringContent(JsonText(KoreanStory()), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
            Check(caller, "POST /stories", Expected(roles, StoryWorkflow.Table.Allows(roles, null, StoryAction.Create) ? HttpStatusCode.Created : HttpStatusCode.Forbidden), create.StatusCode);

            foreach (var (state, path) in PathTo)
            {
                // Every action staff take on a story; creating has its own route above, imports none.
                foreach (var action in StoryActions.OnTheActionRoute.Prepend(StoryAction.Edit))
                {
                    var (id, version) = await StoryInAsync(setup, path);
                    HttpResponseMessage response;
                    string what;
                    if (action == StoryAction.Edit)
                    {
                        what = $"PUT /stories/{{id}} ({state})";
                        response = await PutAsync(client, id, KoreanStory(anchorText: "고친 문장"), version);
                    }
                    else
                    {
                        what = $"POST /stories/{{id}}/{action.ToCode()} ({state})";
                        response = await ActAsync(client, id, action.ToCode(), Body(action));
                    }

                    Check(caller, what, Expected(roles, ExpectedFor(roles, state, action)), response.StatusCode);
                }

                var (anyId, _) = await StoryInAsync(setup, path);
                var get = await client.GetAsync(new Uri($"/api/newsroom/stories/{anyId}", UriKind.Relative), TestContext.Current.CancellationToken);
                Check(caller, $"GET /stories/{{id}} ({state})", Expected(roles, HttpStatusCode.OK), get.StatusCode);
                var revisions = await client.GetAsync(new Uri($"/api/newsroom/stories/{anyId}/revisions", UriKind.Relative), TestContext.Current.CancellationToken);
                Check(caller, $"GET /stories/{{id}}/revisions ({state})", Expected(roles, HttpStatusCode.OK), revisions.StatusCode);
            }
        }

        Assert.True(mismatches.Length == 0, $"{checkedCount} calls checked; these disagree with the workflow table:\n{mismatches}");
        Assert.True(checkedCount > 300, $"Only {checkedCount} calls were checked.");
        foreach (var client in callers.Values.Append(setup))
        {
            client.Dispose();
        }
    }

    /// <summary>200 where the table has a row the roles hold; 409 where the state has no such row but the role could do it elsewhere; 403 otherwise.</summary>
    private static HttpStatusCode ExpectedFor(string[] roles, StoryStatus state, StoryAction action)
    {
        if (StoryWorkflow.Table.Allows(roles, state, action))
        {
            return HttpStatusCode.OK;
        }

        return StoryWorkflow.Table.Find(state, action) is null && StoryWorkflow.Table.RoleMayEver(roles, action)
            ? HttpStatusCode.Conflict
            : HttpStatusCode.Forbidden;
    }

    private static HttpStatusCode Expected(string[] roles, HttpStatusCode forStaff) =>
        roles.Length == 0 ? HttpStatusCode.Unauthorized : forStaff;

    private static object? Body(StoryAction action) => action switch
    {
        StoryAction.Schedule => new { at = TimeProvider.System.GetUtcNow().AddDays(1) },
        StoryAction.Correct => new { note = "바로잡습니다." },
        _ => null,
    };

    private static async Task<(Guid Id, int Version)> StoryInAsync(HttpClient editor, string[] path)
    {
        var (id, version) = await CreateAsync(editor);
        foreach (var step in path)
        {
            var response = await ActAsync(editor, id, step, step == "schedule" ? Body(StoryAction.Schedule) : null);
            Assert.True(response.IsSuccessStatusCode, $"{step}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
            version = (await ReadAsync(response))["version"]!.GetValue<int>();
        }

        return (id, version);
    }
}
