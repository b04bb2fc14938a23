namespace Bulletin.Tests.Media;

/// <summary>
/// The media store tests run alone, after the tests that run side by side: one of them measures what the process
/// allocates while a large file goes through, which other tests' work would swell.
/// </summary>
[CollectionDefinition(nameof(MediaStoresAlone), DisableParallelization = true)]
public sealed class MediaStoresAlone;
