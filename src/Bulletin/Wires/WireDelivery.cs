using Bulletin.Ingest;

namespace Bulletin.Wires;

/// <summary>What one file or one response of a wire held: the stories read from it, and where it was read.</summary>
public sealed record WireDelivery(string Provenance, IReadOnlyList<ReadResult> Items);
