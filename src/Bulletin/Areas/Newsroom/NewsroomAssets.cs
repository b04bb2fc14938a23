using Bulletin.Hosting;

namespace Bulletin.Areas.Newsroom;

/// <summary>The newsroom's stylesheet, the script editor's script (autosave, live read time), the rundown's and the prompter's.</summary>
public static class NewsroomAssets
{
    public static readonly EmbeddedAsset Stylesheet = EmbeddedAsset.Load("newsroom.css", "text/css; charset=utf-8");
    public static readonly EmbeddedAsset EditorScript = EmbeddedAsset.Load("newsroom.js", "text/javascript; charset=utf-8");

    /// <summary>The rundown grid's live updates and reordering, and the prompter's scrolling.</summary>
    public static readonly EmbeddedAsset RundownScript = EmbeddedAsset.Load("rundown.js", "text/javascript; charset=utf-8");
    public static readonly EmbeddedAsset PrompterScript = EmbeddedAsset.Load("prompter.js", "text/javascript; charset=utf-8");
    public static readonly EmbeddedAsset PrompterStylesheet = EmbeddedAsset.Load("prompter.css", "text/css; charset=utf-8");

    public static string StylesheetPath => Stylesheet.Path;
    public static string EditorScriptPath => EditorScript.Path;
    public static string RundownScriptPath => RundownScript.Path;
    public static string PrompterScriptPath => PrompterScript.Path;
    public static string PrompterStylesheetPath => PrompterStylesheet.Path;
}
