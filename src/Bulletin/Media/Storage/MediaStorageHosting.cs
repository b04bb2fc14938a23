using Microsoft.Extensions.Options;

namespace Bulletin.Media.Storage;

/// <summary>
/// The media store in the host and the verbs, chosen by configuration alone: files under the data directory
/// (Media:Store=File, the default), or a bucket on S3-compatible storage (Media:Store=S3 with Media:S3:*), which
/// a fleet of several nodes needs. Settings are checked when the host starts, so a typo stops the node with a
/// message naming the setting instead of failing on the first upload.
/// </summary>
public static class MediaStorageHosting
{
    public const string StoreSetting = "Media:Store";

    public static IServiceCollection AddMediaStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // Whichever store: a request it cannot serve for now is a 503, never a 500.
        services.AddExceptionHandler<MediaStoreUnavailable>();
        var store = configuration[StoreSetting];
        if (string.IsNullOrWhiteSpace(store) || store.Equals("File", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IMediaStore, FileMediaStore>();
            return services;
        }

        if (!store.Equals("S3", StringComparison.OrdinalIgnoreCase))
        {
            throw new OptionsValidationException(StoreSetting, typeof(string), [$"{StoreSetting} is '{store}'; it must be File (the default) or S3."]);
        }

        services.AddOptions<MediaS3Options>()
            .Bind(configuration.GetSection(MediaS3Options.SectionName))
            .Validate(o => IsBucketName(o.Bucket),
                "Media:S3:Bucket must name an existing bucket: 3 to 63 lower-case letters, digits, '.' and '-'.")
            .Validate(o => o.ServiceUrl.Length == 0
                           || (Uri.TryCreate(o.ServiceUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"),
                "Media:S3:ServiceUrl must be the server's http:// or https:// address (or empty for Amazon S3 itself).")
            .Validate(o => string.IsNullOrEmpty(o.AccessKey) == string.IsNullOrEmpty(o.SecretKey),
                "Media:S3:AccessKey and Media:S3:SecretKey go together: set both, or neither to use the SDK's own credentials.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Region), "Media:S3:Region must be set (us-east-1 suits most S3-compatible servers).")
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Retries is >= 0 and <= 10,
                "Media:S3:Timeout must be positive and Media:S3:Retries between 0 and 10.")
            .ValidateOnStart();
        services.AddSingleton<IMediaStore, S3MediaStore>();
        return services;
    }

    private static bool IsBucketName(string name) =>
        name.Length is >= 3 and <= 63
        && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-')
        && char.IsAsciiLetterOrDigit(name[0]) && char.IsAsciiLetterOrDigit(name[^1]);
}
