using Bulletin.Hosting;

namespace Bulletin.Areas.Newsroom;

/// <summary>The newsroom's stylesheet and the script editor's script (autosave, live read time).</summary>
public static class NewsroomAssets
{
    public static readonly EmbeddedAsset Stylesheet = EmbeddedAsset.Load("newsroom.css", "text/css; charset=utf-8");
    public static readonly EmbeddedAsset EditorScript = EmbeddedAsset.Load("newsroom.js", "text/javascript; charset=utf-8");

    public static string StylesheetPath => Stylesheet.Path;
    public static string EditorScriptPath => EditorScript.Path;
}
