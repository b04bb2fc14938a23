using System.Text.Json;
using Bulletin.Testing;
using Json.Schema;

namespace Bulletin.Tests;

/// <summary>
/// The IPTC ninjs 3.1 schema (with the GeoJSON schema it refers to) and the JSON Feed 1.1 schema, read from
/// ../shared/samples and checked with JsonSchema.Net, formats included.
/// </summary>
internal static class JsonSchemas
{
    private static readonly EvaluationOptions Strict = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    public static JsonSchema Ninjs()
    {
        var schema = Samples.Require("ninjs/specification/ninjs-schema_3.1.json");
        var geoJson = Samples.Require("ninjs/validation/test_suite/GeoJSON-schema.json");
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        options.SchemaRegistry.Register(JsonSchema.FromFile(geoJson, options));
        return JsonSchema.FromFile(schema, options);
    }

    public static JsonSchema JsonFeed() =>
        JsonSchema.FromFile(Samples.Require("feeds/jsonfeed-schema/schema-v1.1.json"), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    /// <summary>The validator's errors, one line each; empty when the document is valid.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, JsonElement document)
    {
        var results = schema.Evaluate(document, Strict);
        if (results.IsValid)
        {
            return [];
        }

        var errors = (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid"];
    }
}
