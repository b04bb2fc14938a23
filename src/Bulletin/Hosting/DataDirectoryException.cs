namespace Bulletin.Hosting;

public sealed class DataDirectoryException : Exception
{
    public DataDirectoryException()
    {
    }

    public DataDirectoryException(string message)
        : base(message)
    {
    }

    public DataDirectoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
