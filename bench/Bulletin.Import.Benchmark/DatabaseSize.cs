using Microsoft.Data.Sqlite;

namespace Bulletin.Import.Benchmark;

/// <summary>
/// What the imported archive costs on disk: the database file once its write-ahead log is folded in, per story and
/// against the pages' own bytes, and the share of each table and index (SQLite's dbstat table: pages in use).
/// </summary>
internal static class DatabaseSize
{
    public static void Print(string path, int stories, long pageBytes)
    {
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
            var total = new FileInfo(path).Length;
            Console.WriteLine($"database: {total / 1024.0 / 1024.0:N1} MB, {total / (double)stories / 1024.0:N2} KB per story, " +
                $"{total / (double)pageBytes:N2}x the pages' bytes");
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT name, SUM(pgsize) AS bytes, SUM(pgsize - unused) AS used FROM dbstat GROUP BY name ORDER BY bytes DESC";
            SqliteDataReader reader;
            try
            {
                reader = command.ExecuteReader();
            }
            catch (SqliteException)
            {
                // The SQLite bundled with Microsoft.Data.Sqlite is built without dbstat; Debian's sqlite3 has it.
                Console.WriteLine($"  (no dbstat in this SQLite: keep the database with --keep and ask sqlite3 \"SELECT name, SUM(pgsize) FROM dbstat GROUP BY name\")");
                return;
            }

            using var rows = reader;
            while (rows.Read())
            {
                var bytes = rows.GetInt64(1);
                if (bytes * 200 < total)
                {
                    continue;
                }

                Console.WriteLine($"  {rows.GetString(0),-60} {bytes / 1024.0 / 1024.0,8:N1} MB {bytes / (double)stories,8:N0} B/story " +
                    $"({rows.GetInt64(2) * 100.0 / bytes:N0}% used)");
            }
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
